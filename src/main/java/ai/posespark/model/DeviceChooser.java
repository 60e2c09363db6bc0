package ai.posespark.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import org.apache.spark.TaskContext;
import org.apache.spark.resource.ResourceInformation;

/**
 * Picks the device a task runs its model on. Under Spark resource scheduling ({@code spark.task.resource.gpu
 * .amount}) the task's assigned GPU address wins, so two tasks on one executor use the GPUs Spark gave them.
 */
public final class DeviceChooser {
  private DeviceChooser() {}

  public static Device choose(DevicePreference wanted) {
    if (wanted == DevicePreference.CPU) {
      return Device.cpu();
    }
    int gpus = Engine.getEngine("PyTorch").getGpuCount();
    if (gpus > 0) {
      return Device.gpu(assignedGpu());
    }
    if (wanted == DevicePreference.GPU) {
      throw new IllegalStateException("execution.device is 'gpu' but PyTorch sees no CUDA device on this executor "
          + "(the CPU-only libtorch is on the classpath, or no GPU is visible)");
    }
    return Device.cpu();
  }

  private static int assignedGpu() {
    String address = assignedAddress();
    return address == null ? 0 : Integer.parseInt(address);
  }

  /** The GPU address Spark's resource scheduling gave the running task, or null (none, or not in a task). */
  public static String assignedAddress() {
    TaskContext task = TaskContext.get();
    if (task != null) {
      ResourceInformation gpu = task.resources().get("gpu").getOrElse(() -> null);
      if (gpu != null && gpu.addresses().length > 0) {
        return gpu.addresses()[0];
      }
    }
    return null;
  }

  /** A device as the frame table names it: {@code cpu} or {@code gpu:<id>}. */
  public static String name(Device device) {
    return device.isGpu() ? "gpu:" + device.getDeviceId() : "cpu";
  }
}

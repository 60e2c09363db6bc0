package ai.posespark.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An ONNX model (what MMDeploy, rtmlib and Ultralytics export) run by ONNX Runtime's own Java API behind the
 * {@link LoadedModel} seam. Chosen over DJL's OnnxRuntime engine because the pipelines hand over PyTorch-engine
 * arrays anyway (a copy either way), the session API gives the thread and provider settings directly, and DJL's
 * engine pins an older, larger ONNX Runtime jar. One session per (model, device) per executor JVM
 * ({@link ModelCache}); sessions are thread-safe, so every task of the JVM shares it.
 *
 * <p>Intra-op threads: what PyTorch gets per task ({@link TorchThreads}, {@code spark.task.cpus}); inter-op
 * threads 1, sequential execution, all graph optimisations. On a GPU device the CUDA provider is asked for; the
 * CPU build of ONNX Runtime (what PoseSpark ships) has none, so the session then runs on the CPU with a warning
 * (a GPU cluster puts {@code com.microsoft.onnxruntime:onnxruntime_gpu} in the deploy jar instead).
 */
public final class OnnxModel implements LoadedModel {
  private static final Logger LOG = LoggerFactory.getLogger(OnnxModel.class);

  private final OrtSession session;
  private final String inputName;
  private final List<String> outputNames;
  private final int maxBatch;

  private OnnxModel(OrtSession session, String inputName, List<String> outputNames, int maxBatch) {
    this.session = session;
    this.inputName = inputName;
    this.outputNames = outputNames;
    this.maxBatch = maxBatch;
  }

  /** Opens {@code file} for {@code device}; a model with other than one float image input fails here. */
  public static OnnxModel load(Path file, Device device) throws IOException {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(TorchThreads.perTask());
      options.setInterOpNumThreads(1);
      options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      if (device.isGpu()) {
        try {
          options.addCUDA(device.getDeviceId());
        } catch (OrtException | RuntimeException e) {
          LOG.warn("{}: no CUDA provider in this ONNX Runtime ({}); running on the CPU (a GPU deploy jar needs "
              + "com.microsoft.onnxruntime:onnxruntime_gpu)", file.getFileName(), e.getMessage());
        }
      }
      OrtSession session = env.createSession(file.toString(), options);
      try {
        return open(session, file);
      } catch (IOException | RuntimeException e) {
        session.close();
        throw e;
      }
    } catch (OrtException e) {
      throw new IOException("cannot load ONNX model " + file.getFileName() + ": " + e.getMessage(), e);
    }
  }

  private static OnnxModel open(OrtSession session, Path file) throws IOException, OrtException {
    Map<String, NodeInfo> inputs = session.getInputInfo();
    if (inputs.size() != 1) {
      throw new IOException("ONNX model " + file.getFileName() + " has inputs " + inputs.keySet()
          + "; PoseSpark feeds one image tensor");
    }
    NodeInfo input = inputs.values().iterator().next();
    if (!(input.getInfo() instanceof TensorInfo t) || t.getShape().length != 4
        || t.type != ai.onnxruntime.OnnxJavaType.FLOAT) {
      throw new IOException("ONNX model " + file.getFileName() + ": input '" + input.getName() + "' is "
          + input.getInfo() + "; PoseSpark feeds a float32 [N, C, H, W] or [N, H, W, C] image tensor");
    }
    long batch = t.getShape()[0];
    int maxBatch = batch > 0 ? (int) batch : Integer.MAX_VALUE;
    return new OnnxModel(session, input.getName(), List.copyOf(session.getOutputNames()), maxBatch);
  }

  @Override
  public NDList run(NDManager scope, NDList inputs) {
    NDArray x = inputs.singletonOrThrow();
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    // a direct, native-order buffer ONNX Runtime reads in place (a heap array would be copied once more)
    FloatBuffer values = x.toType(DataType.FLOAT32, false).toByteBuffer().order(ByteOrder.nativeOrder())
        .asFloatBuffer();
    try (OnnxTensor tensor = OnnxTensor.createTensor(env, values, x.getShape().getShape());
        OrtSession.Result result = session.run(Map.of(inputName, tensor))) {
      NDList out = new NDList(result.size());
      for (Map.Entry<String, OnnxValue> e : result) {
        if (!(e.getValue() instanceof OnnxTensor o) || !(o.getInfo().type == ai.onnxruntime.OnnxJavaType.FLOAT)) {
          throw new IllegalStateException("ONNX output '" + e.getKey() + "' is not a float tensor: "
              + e.getValue().getInfo());
        }
        out.add(scope.create(o.getFloatBuffer(), new Shape(o.getInfo().getShape())));
      }
      return out;
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime failed on a batch of " + x.getShape() + ": " + e.getMessage(),
          e);
    }
  }

  @Override
  public List<String> outputNames() {
    return outputNames;
  }

  @Override
  public int maxBatch() {
    return maxBatch;
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      LOG.debug("closing an ONNX session: {}", e.getMessage());
    }
  }
}

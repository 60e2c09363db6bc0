package ai.posespark.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.posespark.decode.RgbImage;
import ai.posespark.pose.Person;
import ai.posespark.pose.PoseDecoder;
import java.util.ArrayList;
import java.util.List;

/**
 * Frames in, people out: pre-processing, the model and a pose decoder for one loaded model on one device.
 * One instance per executor JVM serves every task ({@link EstimatorCache}); each call scopes its NDArrays in a
 * sub-manager, so nothing outlives the batch.
 */
public final class PoseEstimator implements AutoCloseable {
  private final ModelEntry entry;
  private final LoadedModel model;
  private final Device device;
  private final NDManager root;
  private final InputPreprocessor preprocessor;

  public PoseEstimator(ModelEntry entry, LoadedModel model, Device device) {
    this.entry = entry;
    this.model = model;
    this.device = device;
    this.root = NDManager.newBaseManager(device, "PyTorch");
    this.preprocessor = new InputPreprocessor(entry);
  }

  public ModelEntry entry() {
    return entry;
  }

  /** The model's output names in output order (empty for formats without names, e.g. TorchScript). */
  public List<String> outputNames() {
    return model.outputNames();
  }

  /** People per frame, with the batch's stage times. */
  public record BatchResult(List<List<Person>> persons, double preprocessMs, double inferenceMs,
                            double postprocessMs) {}

  /** Runs {@code frames} through the model as one batch (split to the model's batch limit, if it has one). */
  public BatchResult estimate(List<RgbImage> frames, PoseDecoder decoder) {
    try (NDManager scope = root.newSubManager(device)) {
      long t0 = System.nanoTime();
      InputPreprocessor.Batch batch = preprocessor.prepare(frames, scope);
      long t1 = System.nanoTime();
      List<List<float[]>> outputs = new ArrayList<>(frames.size());
      int step = entry.batchPerCall();
      for (int start = 0; start < frames.size(); start += step) {
        int end = Math.min(frames.size(), start + step);
        NDArray input = batch.input().get("{}:{}", start, end);
        NDList out = model.run(scope, new NDList(input));
        for (int i = 0; i < end - start; i++) {
          List<float[]> perFrame = new ArrayList<>(out.size());
          for (NDArray o : out) {
            perFrame.add(o.get(i).toType(DataType.FLOAT32, false).toFloatArray());
          }
          outputs.add(perFrame);
        }
      }
      long t2 = System.nanoTime();
      List<List<Person>> persons = new ArrayList<>(frames.size());
      for (int i = 0; i < frames.size(); i++) {
        persons.add(decoder.decode(outputs.get(i), batch.boxes().get(i)));
      }
      long t3 = System.nanoTime();
      return new BatchResult(persons, (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6);
    }
  }

  @Override
  public void close() {
    model.close();
    root.close();
  }
}

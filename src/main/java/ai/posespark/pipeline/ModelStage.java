package ai.posespark.pipeline;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.posespark.model.LoadedModel;
import ai.posespark.model.ModelEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * One model as a pipeline stage: takes any number of items — whole frames, crops — runs them in chunks of what the
 * model takes per call ({@link ModelEntry#batchPerCall()}), and hands each item back its outputs (DJL's batchify /
 * unbatchify, in one place for every pipeline). Each call's time is charged to its items' frames.
 */
public final class ModelStage {
  /**
   * One model input.
   *
   * @param frame which frame of the batch it serves (for timings and for the caller)
   * @param tag   what the caller needs back with the outputs (e.g. the input's transform)
   * @param input the input tensor without the batch axis, in the model's layout
   */
  public record Item<T>(int frame, T tag, NDArray input) {}

  /**
   * One item's outputs.
   *
   * @param frame  the item's frame
   * @param tag    the item's tag
   * @param values the model's outputs for this item in output order, flattened to float
   */
  public record Output<T>(int frame, T tag, List<float[]> values) {}

  private final String stage;
  private final LoadedModel model;
  private final int perCall;

  /**
   * @param stage name the calls' time is charged under
   * @param model the loaded model
   * @param entry its catalog entry (how many items one call takes)
   */
  public ModelStage(String stage, LoadedModel model, ModelEntry entry) {
    this.stage = stage;
    this.model = model;
    this.perCall = Math.min(entry.batchPerCall(), model.maxBatch());
  }

  /** The model's output names in output order (empty for formats without names, e.g. TorchScript). */
  public List<String> outputNames() {
    return model.outputNames();
  }

  /** Runs every item; outputs come back in item order. */
  public <T> List<Output<T>> run(List<Item<T>> items, StageContext context) {
    List<Output<T>> outputs = new ArrayList<>(items.size());
    for (int start = 0; start < items.size(); start += perCall) {
      long t0 = System.nanoTime();
      List<Item<T>> chunk = items.subList(start, Math.min(items.size(), start + perCall));
      NDList inputs = new NDList(chunk.size());
      int[] frames = new int[chunk.size()];
      for (int i = 0; i < chunk.size(); i++) {
        inputs.add(chunk.get(i).input());
        frames[i] = chunk.get(i).frame();
      }
      NDList out = model.run(context.scope(), new NDList(NDArrays.stack(inputs)));
      for (int i = 0; i < chunk.size(); i++) {
        List<float[]> values = new ArrayList<>(out.size());
        for (NDArray o : out) {
          values.add(o.get(i).toType(DataType.FLOAT32, false).toFloatArray());
        }
        outputs.add(new Output<>(chunk.get(i).frame(), chunk.get(i).tag(), values));
      }
      context.chargeShared(stage, frames, StageContext.millisSince(t0));
    }
    return outputs;
  }
}

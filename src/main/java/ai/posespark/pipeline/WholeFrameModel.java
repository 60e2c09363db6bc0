package ai.posespark.pipeline;

import ai.posespark.decode.DecodedFrame;
import ai.posespark.decode.Letterbox;
import ai.posespark.decode.LetterboxRaster;
import ai.posespark.model.InputPreprocessor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A model that sees each whole frame, in DJL's Translator shape: {@link #prepare} makes a frame's model input (the
 * letterboxed raster, ahead of the batch on the decode thread where the loop allows), the {@link ModelStage} runs
 * the batch, and the {@link Reader} turns one frame's outputs into results in that frame's pixels through the
 * input's letterbox. The pose pipelines and the detectors share this loop; each brings its reader.
 *
 * @param <R> what a frame's outputs become: people, person boxes
 */
final class WholeFrameModel<R> {
  /** One frame's outputs → its results in frame pixels. */
  interface Reader<R> {
    /**
     * @param outputs the model's outputs for the frame, in output order
     * @param toFrame the frame's letterbox: model-input pixels → frame pixels
     * @param note    records why a step fell back, for the frame row's note
     */
    List<R> read(List<float[]> outputs, Letterbox toFrame, Consumer<String> note);
  }

  private final InputPreprocessor preprocessor;
  private final ModelStage model;
  private final Reader<R> reader;
  private final String prepareStage;
  private final String readStage;

  /**
   * @param prepareStage the stage a frame's input preparation is charged under
   * @param readStage    the stage reading a frame's outputs is charged under
   */
  WholeFrameModel(InputPreprocessor preprocessor, ModelStage model, Reader<R> reader, String prepareStage,
                  String readStage) {
    this.preprocessor = preprocessor;
    this.model = model;
    this.reader = reader;
    this.prepareStage = prepareStage;
    this.readStage = readStage;
  }

  /** {@code frame} with its model input made ahead of the batch ({@link PosePipeline#prepare}). */
  DecodedFrame prepare(DecodedFrame frame) {
    long t0 = System.nanoTime();
    return frame.withInput(preprocessor.raster(frame.image()), StageContext.millisSince(t0));
  }

  /** Each frame's results, in frame order. */
  List<List<R>> run(List<DecodedFrame> frames, StageContext context) {
    List<ModelStage.Item<Letterbox>> items = new ArrayList<>(frames.size());
    for (int f = 0; f < frames.size(); f++) {
      long t0 = System.nanoTime();
      DecodedFrame frame = frames.get(f);
      // the input the decode thread made ahead is used when it fits this model's preprocessing
      LetterboxRaster.Raster r = frame.input() != null && preprocessor.made(frame.input()) ? frame.input()
          : preprocessor.raster(frame.image());
      items.add(new ModelStage.Item<>(f, r.letterbox(), r.toNDArray(context.scope())));
      double ahead = r == frame.input() ? frame.prepareMs() : 0;
      context.charge(prepareStage, f, ahead + StageContext.millisSince(t0));
    }
    List<List<R>> results = new ArrayList<>(frames.size());
    for (ModelStage.Output<Letterbox> out : model.run(items, context)) {
      long t0 = System.nanoTime();
      results.add(reader.read(out.values(), out.tag(), reason -> context.note(out.frame(), reason)));
      context.charge(readStage, out.frame(), StageContext.millisSince(t0));
    }
    return results;
  }
}

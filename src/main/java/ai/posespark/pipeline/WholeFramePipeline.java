package ai.posespark.pipeline;

import ai.djl.Device;
import ai.posespark.decode.DecodeTarget;
import ai.posespark.decode.DecodedFrame;
import ai.posespark.model.InputPreprocessor;
import ai.posespark.model.ModelCache;
import ai.posespark.model.ModelCatalog;
import ai.posespark.model.ModelEntry;
import ai.posespark.model.ResolvedModel;
import ai.posespark.pose.GrouperSettings;
import ai.posespark.pose.GroupingResult;
import ai.posespark.pose.Person;
import ai.posespark.pose.PoseDecoder;
import ai.posespark.pose.PoseDecoders;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;

/**
 * The model sees each whole frame (letterboxed) and its decoder finds the people: {@code single} (MoveNet
 * singlepose, BlazePose, EfficientPose) and {@code bottom-up} (MoveNet multipose, PoseNet's greedy or ILP
 * grouping, OpenPose-style PAF models with PAF or ILP grouping). Stages: {@code preprocess} (per frame),
 * {@code inference} (batched), {@code postprocess} (decoding and mapping to the frame, per frame).
 */
public final class WholeFramePipeline implements PosePipeline {
  /** Stage names, in order. */
  public static final List<String> STAGES = List.of("preprocess", "inference", "postprocess");

  private final WholeFrameModel<Person> model;

  WholeFramePipeline(InputPreprocessor preprocessor, ModelStage model, PoseDecoder decoder) {
    this.model = new WholeFrameModel<>(preprocessor, model, (outputs, toFrame, note) -> {
      GroupingResult grouped = decoder.group(outputs);
      if (grouped.fallbackReason() != null) {
        note.accept(grouped.fallbackReason());
      }
      List<Person> inFrame = new ArrayList<>(grouped.people().size());
      for (Person p : grouped.people()) {
        inFrame.add(p.toSource(toFrame));
      }
      return inFrame;
    }, "preprocess", "postprocess");
  }

  /** The plan for the job's model keys ({@link Pipelines.Factory}). */
  static PipelinePlan plan(PipelineSettings settings, ModelCatalog catalog) {
    ResolvedModel pose = CatalogModels.poseModel(catalog, "model.pose", settings.pose());
    Plan plan = new Plan(pose, checkGrouping(settings.grouping(), pose.entry()), settings.minPersonScore(),
        settings.groupers());
    try {
      // built once here so that a catalog entry the decoder cannot read fails before Spark starts
      plan.decoder(List.of());
    } catch (IllegalArgumentException e) {
      throw new PipelineException("model.pose", e.getMessage());
    }
    return plan;
  }

  /**
   * The decoder for {@code model.grouping}: the catalog's own when the key is absent or names the decoder's own
   * grouping, else the registered decoder reading the same outputs with that grouping ({@code posenet} +
   * {@code ilp} → {@code posenet-ilp}); any other grouping fails listing those the model supports.
   */
  private static String checkGrouping(String grouping, ModelEntry entry) {
    if (grouping == null) {
      return entry.decoder();
    }
    String decoder = PoseDecoders.withGrouping(entry.decoder(), grouping);
    if (decoder == null) {
      List<String> supported = PoseDecoders.groupingsOf(entry.decoder());
      throw new PipelineException("model.grouping", "'" + grouping + "' is not available for " + entry.name()
          + (supported.isEmpty() ? " (its decoder '" + entry.decoder() + "' finds people without a grouping step)"
              : " (it supports " + String.join(" | ", supported) + ")"));
    }
    return decoder;
  }

  @Override
  public DecodedFrame prepare(DecodedFrame frame) {
    return model.prepare(frame);
  }

  @Override
  public List<List<Person>> run(List<DecodedFrame> frames, StageContext context) {
    return model.run(frames, context);
  }

  /**
   * The resolved recipe.
   *
   * @param pose           the pose model
   * @param decoder        the decoder that reads its outputs (the catalog's, or another grouping's)
   * @param minPersonScore people below this are dropped
   * @param groupers       the groupers' constants
   */
  record Plan(ResolvedModel pose, String decoder, double minPersonScore, GrouperSettings groupers)
      implements PipelinePlan {
    @Override
    public String model() {
      return pose.entry().name();
    }

    @Override
    public List<String> stages() {
      return STAGES;
    }

    @Override
    public DecodeTarget decodeTarget() {
      return new InputPreprocessor(pose.entry()).target();
    }

    @Override
    public PosePipeline open(Device device, Configuration hadoop) {
      ModelEntry entry = pose.entry();
      ModelStage model = new ModelStage("inference", ModelCache.get(pose, device, hadoop), entry);
      return new WholeFramePipeline(new InputPreprocessor(entry), model, decoder(model.outputNames()));
    }

    /** The decoder for a model with {@code outputNames} (empty: the npm graph's order). */
    PoseDecoder decoder(List<String> outputNames) {
      ModelEntry entry = pose.entry();
      return PoseDecoders.STANDARD.require(decoder).create(CatalogModels.decoderSettings(entry, outputNames,
          minPersonScore, groupers));
    }
  }
}

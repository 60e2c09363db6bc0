package ai.posespark.pipeline;

import ai.posespark.detect.BoxDecoderSettings;
import ai.posespark.model.ModelCatalog;
import ai.posespark.model.ModelEntry;
import ai.posespark.model.ResolvedModel;
import ai.posespark.pose.DecoderSettings;
import ai.posespark.pose.GrouperSettings;
import ai.posespark.pose.PoseDecoders;
import ai.posespark.pose.Skeleton;
import java.util.List;

/** Resolves the models a job names through the catalog, failing with the job key and what the catalog has. */
final class CatalogModels {
  private CatalogModels() {}

  /**
   * The model {@code ref} names (catalog name, or a path/URI to {@code <catalog name>.json / .pt}) whose decoder is a
   * pose decoder of this version.
   *
   * @param key the job key that named it, for the error
   */
  static ResolvedModel poseModel(ModelCatalog catalog, String key, String ref) {
    ModelEntry entry = catalog.resolve(ref).orElseThrow(() -> new PipelineException(key,
        "unknown model '" + ref + "' (catalog: " + String.join(", ", catalog.models().keySet())
            + "; a path or URI must end in <catalog name>.json or .pt)"));
    if (PoseDecoders.STANDARD.get(entry.decoder()) == null) {
      throw new PipelineException(key, "'" + entry.name() + "' needs decoder '" + entry.decoder()
          + "', which this version does not have yet (available: " + PoseDecoders.STANDARD.names() + ")");
    }
    return ResolvedModel.of(catalog, entry);
  }

  /** What a pose decoder of {@code entry} is built with: its input, output names, skeleton and codec parameters. */
  static DecoderSettings decoderSettings(ModelEntry entry, List<String> outputNames, double minPersonScore,
      GrouperSettings groupers) {
    return new DecoderSettings(entry.input().width(), entry.input().height(), outputNames, minPersonScore,
        entry.output(), groupers, Skeleton.keypointNames(entry.keypoints()), entry.codec());
  }

  /** What a box decoder of detector {@code entry} is built with. */
  static BoxDecoderSettings boxDecoderSettings(ModelEntry entry, List<String> outputNames, TopDownSettings td) {
    return new BoxDecoderSettings(entry.input().width(), entry.input().height(), outputNames,
        td.minDetectionScore(), td.detectionNmsIou(), td.maxPersons(), entry.codec());
  }
}

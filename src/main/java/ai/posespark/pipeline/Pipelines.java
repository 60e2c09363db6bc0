package ai.posespark.pipeline;

import ai.posespark.Registry;
import ai.posespark.model.ModelCatalog;
import java.util.List;

/**
 * The pipelines a job's {@code model.pipeline} can name, each a name and a factory that resolves the job's model
 * keys into a {@link PipelinePlan} on the driver, before Spark starts, in the {@link Registry} {@link #STANDARD}.
 * {@code single} and {@code bottom-up} are today the same composition ({@link WholeFramePipeline}): the model sees
 * the whole frame and its decoder finds the people; {@code top-down} is {@link TopDownPipeline}.
 */
public final class Pipelines {
  /** Resolves the job's model keys into a plan, or throws {@link PipelineException} naming the key at fault. */
  @FunctionalInterface
  public interface Factory {
    PipelinePlan plan(PipelineSettings settings, ModelCatalog catalog);
  }

  /**
   * One registered pipeline.
   *
   * @param name    the {@code model.pipeline} value
   * @param factory builds its plan
   */
  public record Entry(String name, Factory factory) {}

  /** Every pipeline of this version. */
  public static final Registry<Entry> STANDARD = new Registry<>("pipeline", List.of(
      new Entry("bottom-up", WholeFramePipeline::plan),
      new Entry("single", WholeFramePipeline::plan),
      new Entry("top-down", TopDownPipeline::plan)), Entry::name);

  private Pipelines() {}

  /** The plan for {@code settings}; an unknown pipeline, model, decoder or grouping fails naming its key. */
  public static PipelinePlan plan(PipelineSettings settings, ModelCatalog catalog) {
    requireKnown(settings.pipeline());
    return STANDARD.get(settings.pipeline()).factory().plan(settings, catalog);
  }

  /** Fails with {@code model.pipeline} and the registered names unless {@code name} is one of them. */
  public static void requireKnown(String name) {
    if (STANDARD.get(name) == null) {
      throw new PipelineException("model.pipeline", "'" + name + "' is not a pipeline of this version (pipelines: "
          + String.join(" | ", STANDARD.names()) + ")");
    }
  }
}

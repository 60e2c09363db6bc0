package ai.posespark.pipeline;

import ai.posespark.Registry;
import ai.posespark.model.ModelCatalog;
import java.util.List;
import java.util.Set;

/**
 * The pipelines a job's {@code model.pipeline} can name, each a name and a factory that resolves the job's model
 * keys into a {@link PipelinePlan} on the driver, before Spark starts; a name registered twice is a programming
 * error. {@code single} and {@code bottom-up} are today the same composition ({@link WholeFramePipeline}): the
 * model sees the whole frame and its decoder finds the people; {@code top-down} is {@link TopDownPipeline}.
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

  private final Registry<Entry> entries;

  /** A registry of {@code entries}, in order; a name given twice fails. */
  public Pipelines(List<Entry> entries) {
    this.entries = new Registry<>("pipeline", entries, Entry::name);
  }

  /** Every pipeline of this version. */
  public static Pipelines standard() {
    return Holder.STANDARD;
  }

  /** Registered names, in registration order. */
  public Set<String> names() {
    return entries.names();
  }

  /** The plan for {@code settings}; an unknown pipeline, model, decoder or grouping fails naming its key. */
  public PipelinePlan plan(PipelineSettings settings, ModelCatalog catalog) {
    requireKnown(settings.pipeline());
    return entries.get(settings.pipeline()).factory().plan(settings, catalog);
  }

  /** Fails with {@code model.pipeline} and the registered names unless {@code name} is one of them. */
  public void requireKnown(String name) {
    if (entries.get(name) == null) {
      throw new PipelineException("model.pipeline", "'" + name + "' is not a pipeline of this version (pipelines: "
          + String.join(" | ", names()) + ")");
    }
  }

  private static final class Holder {
    static final Pipelines STANDARD = new Pipelines(List.of(
        new Entry("bottom-up", WholeFramePipeline::plan),
        new Entry("single", WholeFramePipeline::plan),
        new Entry("top-down", TopDownPipeline::plan)));
  }
}

package ai.posespark.eval;

import ai.posespark.Registry;
import java.util.List;
import java.util.Locale;

/** The registered metrics, in the order they are evaluated and reported. */
public final class Metrics {
  private Metrics() {}

  /** Every metric {@code evaluation.metrics} can name. */
  public static final Registry<Metric> STANDARD = new Registry<>("metric", List.of(
      new CocoMetric(),
      new PckhMetric(),
      new PoseTrackMetric()), Metric::name);

  /** The registered metrics {@code names} asks for (any case), in registration order. */
  public static List<Metric> of(List<String> names) {
    for (String name : names) {
      require(name);
    }
    return STANDARD.names().stream().filter(m -> names.stream().anyMatch(m::equalsIgnoreCase))
        .map(STANDARD::get).toList();
  }

  /**
   * The metric called {@code name} (any case).
   *
   * @throws IllegalArgumentException naming {@code evaluation.metrics} and the registered metrics
   */
  public static Metric require(String name) {
    Metric m = STANDARD.get(name.toLowerCase(Locale.ROOT));
    if (m == null) {
      List<String> all = List.copyOf(STANDARD.names());
      throw new IllegalArgumentException("evaluation.metrics: unknown metric '" + name + "' (expected "
          + String.join(", ", all.subList(0, all.size() - 1)) + " or " + all.get(all.size() - 1) + ")");
    }
    return m;
  }

  /** Every table the registered metrics write under {@code eval/}, in order. */
  public static List<String> tables() {
    return STANDARD.names().stream().flatMap(n -> STANDARD.get(n).tables().stream()).toList();
  }
}

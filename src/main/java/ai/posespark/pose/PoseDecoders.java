package ai.posespark.pose;

import java.util.Optional;
import java.util.Set;

/** The decoders a catalog entry can name, by their catalog name. */
public final class PoseDecoders {
  /** Decoder names this version implements. */
  public static final Set<String> AVAILABLE = Set.of("movenet-single", "movenet-multi");

  private PoseDecoders() {}

  /** The decoder called {@code name}, keeping people scoring at least {@code minPersonScore}. */
  public static Optional<PoseDecoder> byName(String name, double minPersonScore) {
    return Optional.ofNullable(switch (name) {
      case "movenet-single" -> new MoveNetDecoder(false, minPersonScore);
      case "movenet-multi" -> new MoveNetDecoder(true, minPersonScore);
      default -> null;
    });
  }
}

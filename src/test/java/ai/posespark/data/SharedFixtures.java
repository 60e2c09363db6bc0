package ai.posespark.data;

import ai.posespark.testing.Skip;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;

/**
 * Locates the read-only reference folder ({@code ../shared}, system property {@code posespark.shared}). Tests
 * that need it are skipped, with the reason printed, when it is absent (a user's clone).
 */
public final class SharedFixtures {
  /** Hadoop configuration for local files. */
  public static final Configuration CONF = new Configuration();

  private SharedFixtures() {}

  /** {@code shared/<relative>}, or the calling test is skipped when it does not exist. */
  public static Path require(String relative) {
    String root = System.getProperty("posespark.shared");
    Path p = root == null ? null : Path.of(root).resolve(relative).normalize();
    Skip.unless(p != null && Files.exists(p),
        "reference data shared/" + relative + " not found (posespark.shared=" + root + ")");
    return p;
  }

  /** Like {@link #require} but as a Hadoop URI string. */
  public static String uri(String relative) {
    return require(relative).toUri().toString();
  }
}

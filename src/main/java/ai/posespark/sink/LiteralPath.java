package ai.posespark.sink;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A path as Spark's file readers must take it: literally. {@code spark.read().parquet(p)} expands Hadoop glob
 * characters, so an {@code output.path} holding {@code [1]} or {@code {a,b}} read back nothing, or another run's
 * tables. Each of {@code \ [ ] { } * ?} is escaped with a backslash, which Hadoop's glob reads as that character.
 * Writers, Delta and Hadoop's FileSystem take paths literally already.
 */
public final class LiteralPath {
  private static final Pattern GLOB = Pattern.compile("[\\\\\\[\\]{}*?]");

  private LiteralPath() {}

  /** {@code path} escaped for a Spark file reader. */
  public static String of(String path) {
    return GLOB.matcher(path).replaceAll(m -> Matcher.quoteReplacement("\\" + m.group()));
  }
}

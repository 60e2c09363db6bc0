package ai.posespark.source;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;

/**
 * The version of each input file, {@code <size>:<modification time>}, so that a scheduled run over a growing input
 * tells a replaced file (same URI, another version: redone) from one it already has. Lists {@code input.paths}
 * once more, as {@link FrameLister} does (one LIST per 1,000 keys on S3, no request per file).
 */
public final class FileVersions {
  private FileVersions() {}

  /** URI → version of every file under {@code paths}. */
  public static Map<String, String> of(List<String> paths, Configuration conf) throws IOException {
    Map<String, String> versions = new HashMap<>();
    for (FileStatus f : FrameLister.files(paths, conf, p -> true)) {
      versions.put(f.getPath().toString(), version(f));
    }
    return versions;
  }

  /** A file's version as recorded in a run's {@code inputs/} table. */
  public static String version(FileStatus f) {
    return version(f.getLen(), f.getModificationTime());
  }

  /** The version of a file of {@code bytes} last modified at {@code modified} (ms since the epoch). */
  public static String version(long bytes, long modified) {
    return bytes + ":" + modified;
  }
}

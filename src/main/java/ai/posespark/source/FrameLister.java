package ai.posespark.source;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Lists the image frames named by {@code input.paths} through Hadoop's FileSystem, so local paths, {@code file:},
 * {@code hdfs://} and {@code s3a://} behave the same. Folders are walked recursively and keep only image files
 * (by extension); a file named explicitly is always taken, so a broken one still gets its error row. Hidden files
 * ({@code .}/{@code _} prefixes, as Spark treats them) are skipped. Each URI appears once, in sorted order.
 */
public final class FrameLister {
  /** Extensions taken from folders and globs. */
  public static final Set<String> IMAGE_EXTENSIONS = Set.of("jpg", "jpeg", "png", "bmp", "gif");

  private FrameLister() {}

  /** The frames of {@code paths}; fails naming the path when one matches nothing. */
  public static List<FrameTask> list(List<String> paths, Configuration conf) throws IOException {
    Map<String, FrameTask> frames = new LinkedHashMap<>();
    for (String p : paths) {
      Path path = new Path(p);
      FileSystem fs = path.getFileSystem(conf);
      FileStatus[] matches = fs.globStatus(path);
      if (matches == null || matches.length == 0) {
        throw new FileNotFoundException("input.paths: '" + p + "' matches no file or folder");
      }
      boolean glob = matches.length > 1 || !fs.makeQualified(path).equals(matches[0].getPath());
      for (FileStatus match : matches) {
        if (match.isDirectory() && fs instanceof LocalFileSystem) {
          walkLocal(fs, match.getPath(), frames);
        } else if (match.isDirectory()) {
          // one flat listing (S3A: a LIST per 1,000 keys rather than one per folder)
          RemoteIterator<LocatedFileStatus> files = fs.listFiles(match.getPath(), true);
          while (files.hasNext()) {
            LocatedFileStatus f = files.next();
            if (f.isFile() && isImage(f.getPath()) && !isHidden(f.getPath(), match.getPath())) {
              add(frames, f);
            }
          }
        } else if (!glob || isImage(match.getPath())) {
          add(frames, match);
        }
      }
    }
    List<FrameTask> sorted = new ArrayList<>(frames.values());
    sorted.sort(java.util.Comparator.comparing(FrameTask::uri));
    return sorted;
  }

  /**
   * Lists a local folder tree with plain statuses. {@code listFiles} builds a {@link LocatedFileStatus} per file,
   * which reads its permissions, and without Hadoop's native library the local file system gets them by running
   * {@code stat} per file: 1,200 images took 7.5 s to list that way.
   */
  private static void walkLocal(FileSystem fs, Path dir, Map<String, FrameTask> frames) throws IOException {
    RemoteIterator<FileStatus> entries = fs.listStatusIterator(dir);
    while (entries.hasNext()) {
      FileStatus f = entries.next();
      if (isHiddenName(f.getPath().getName())) {
        continue;
      }
      if (f.isDirectory()) {
        walkLocal(fs, f.getPath(), frames);
      } else if (isImage(f.getPath())) {
        add(frames, f);
      }
    }
  }

  private static void add(Map<String, FrameTask> frames, FileStatus f) {
    String uri = f.getPath().toString();
    frames.putIfAbsent(uri, new FrameTask(uri, 0, FrameIds.of(uri, 0), f.getLen()));
  }

  static boolean isImage(Path p) {
    String name = p.getName();
    int dot = name.lastIndexOf('.');
    return dot > 0 && IMAGE_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  /** True when any path component below {@code root} is hidden. */
  private static boolean isHidden(Path p, Path root) {
    for (Path cur = p; cur != null && !cur.equals(root); cur = cur.getParent()) {
      if (isHiddenName(cur.getName())) {
        return true;
      }
    }
    return false;
  }

  /** '.' hides a file or folder, '_' marks a job's own ({@code _temporary}, {@code _SUCCESS}). */
  private static boolean isHiddenName(String name) {
    return name.startsWith(".") || name.startsWith("_");
  }
}

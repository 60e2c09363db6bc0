package ai.posespark.source;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Lists the image frames named by {@code input.paths} through Hadoop's FileSystem, so local paths, {@code file:},
 * {@code hdfs://} and {@code s3a://} behave the same. Folders are walked recursively and globs expanded, both
 * keeping only files whose extension {@code input.extensions} names; a file named explicitly is always taken, so a
 * broken one still gets its error row. One rule for hidden entries ({@code .}/{@code _} prefixes, as Spark treats
 * them): a folder walk and a glob's wildcards both skip them; a name the user wrote out is taken. What is left out
 * is counted in a {@link ListingReport}. Each URI appears once, in sorted order.
 */
public final class FrameLister {
  /** Extensions taken from folders and globs by default. */
  public static final Set<String> IMAGE_EXTENSIONS = Collections.unmodifiableSortedSet(new TreeSet<>(
      List.of("jpg", "jpeg", "png", "bmp", "gif", "webp", "tif", "tiff")));

  /** Hadoop glob syntax: a path component holding one of these is a pattern, not a name. */
  private static final Pattern WILDCARD = Pattern.compile("[*?\\[{]");

  private FrameLister() {}

  /** The frames of {@code paths} with the default extensions; fails naming the path when one matches nothing. */
  public static List<FrameTask> list(List<String> paths, Configuration conf) throws IOException {
    return list(paths, conf, IMAGE_EXTENSIONS, new ListingReport());
  }

  /**
   * The frames of {@code paths}, folders and globs taking files with {@code extensions}; what they leave out goes to
   * {@code report}. Fails naming the path when one matches nothing.
   */
  public static List<FrameTask> list(List<String> paths, Configuration conf, Collection<String> extensions,
      ListingReport report) throws IOException {
    Predicate<Path> taken = takes(extensions);
    List<FrameTask> frames = new ArrayList<>();
    for (FileStatus f : files(paths, conf, taken, report)) {
      frames.add(task(f));
    }
    return frames;
  }

  /** The rule for files reached through folders and globs: the extension is one of {@code extensions}. */
  static Predicate<Path> takes(Collection<String> extensions) {
    Set<String> taken = Set.copyOf(extensions);
    return p -> taken.contains(extension(p));
  }

  /** An image file's task: frame 0, its stable id, its size as the cost estimate. */
  static FrameTask task(FileStatus f) {
    String uri = f.getPath().toString();
    return new FrameTask(uri, 0, FrameIds.of(uri, 0), f.getLen());
  }

  /** {@link #files(List, Configuration, Predicate, ListingReport)} without the report. */
  static List<FileStatus> files(List<String> paths, Configuration conf, Predicate<Path> taken) throws IOException {
    return files(paths, conf, taken, new ListingReport());
  }

  /**
   * The files of {@code paths}, each once, sorted by URI: files named explicitly, and those of folders and globs
   * that {@code taken} accepts; the others and hidden entries are counted in {@code report}. Fails naming the path
   * when one matches nothing.
   */
  static List<FileStatus> files(List<String> paths, Configuration conf, Predicate<Path> taken, ListingReport report)
      throws IOException {
    Map<String, FileStatus> files = new LinkedHashMap<>();
    Consumer<FileStatus> add = f -> files.putIfAbsent(f.getPath().toString(), f);
    for (String p : paths) {
      for (Match match : matches(p, conf, report)) {
        if (match.status().isDirectory()) {
          walk(match.fs(), match.status().getPath(), taken, add, report);
        } else if (match.explicit()) {
          add.accept(match.status());
        } else {
          take(match.status(), true, taken, add, report);
        }
      }
    }
    List<FileStatus> sorted = new ArrayList<>(files.values());
    sorted.sort(Comparator.comparing(f -> f.getPath().toString()));
    return sorted;
  }

  /**
   * What one entry of {@code input.paths} names: a file or folder, or a glob's matches.
   *
   * @param explicit true for a file the user wrote out (not a glob): taken whatever its extension
   */
  record Match(FileSystem fs, FileStatus status, boolean explicit) {}

  /**
   * The files and folders {@code path} names, its glob expanded; a glob's matches that a wildcard reached through
   * a hidden name are counted in {@code report} and left out. Fails naming the path when it matches nothing.
   */
  static List<Match> matches(String path, Configuration conf, ListingReport report) throws IOException {
    Path pattern = new Path(path);
    FileSystem fs = pattern.getFileSystem(conf);
    FileStatus[] found = fs.globStatus(pattern);
    if (found == null || found.length == 0) {
      throw new FileNotFoundException("input.paths: '" + path + "' matches no file or folder");
    }
    boolean glob = found.length > 1 || !fs.makeQualified(pattern).equals(found[0].getPath());
    List<Match> matches = new ArrayList<>(found.length);
    for (FileStatus match : found) {
      if (glob && hiddenByWildcard(pattern, match.getPath())) {
        report.hidden(match.getPath().toString());
      } else {
        matches.add(new Match(fs, match, !glob && !match.isDirectory()));
      }
    }
    return matches;
  }

  /**
   * Walks a folder tree: the files {@code taken} accepts go to {@code add}, the others and hidden entries to
   * {@code report}. Local folders are walked with plain statuses ({@link #walkLocal}); others with one flat
   * listing (S3A: a LIST per 1,000 keys rather than one per folder), where each file below a hidden folder counts.
   */
  static void walk(FileSystem fs, Path dir, Predicate<Path> taken, Consumer<FileStatus> add, ListingReport report)
      throws IOException {
    if (fs instanceof LocalFileSystem local) {
      java.nio.file.Path root = LocalFolder.realPath(local, dir);
      walkLocal(local, dir, taken, add, report, root, new java.util.HashSet<>(Set.of(root)));
      return;
    }
    RemoteIterator<LocatedFileStatus> listing = fs.listFiles(dir, true);
    while (listing.hasNext()) {
      LocatedFileStatus f = listing.next();
      if (f.isFile()) {
        take(f, !isHidden(f.getPath(), dir), taken, add, report);
      }
    }
  }

  /**
   * One level of {@link #walk}, for a walk split over many tasks: the files directly in {@code dir} by the walk's
   * rules; its subfolders are left to {@link #subfolders}. Together they count each entry once, as {@link #walk}.
   */
  static void filesIn(FileSystem fs, Path dir, Predicate<Path> taken, Consumer<FileStatus> add, ListingReport report)
      throws IOException {
    for (FileStatus f : entries(fs, dir, report)) {
      if (!f.isDirectory()) {
        take(f, !isHiddenName(f.getPath().getName()), taken, add, report);
      }
    }
  }

  /**
   * The subfolders of {@code dir}: visible ones to {@code visible}; a hidden one is counted in {@code report} as
   * one entry on a local disk (as {@link #walkLocal} does) and goes to {@code hiddenTree} elsewhere, where the flat
   * listing counts each of its files ({@link #countHidden}); a local link back up to {@code dir} or above is
   * reported and not followed.
   */
  static void subfolders(FileSystem fs, Path dir, Consumer<Path> visible, Consumer<Path> hiddenTree,
      ListingReport report) throws IOException {
    // names it cannot list are reported by filesIn, which lists the same folder
    for (FileStatus f : entries(fs, dir, new ListingReport())) {
      if (!f.isDirectory()) {
        continue;
      }
      if (fs instanceof LocalFileSystem local && !isHiddenName(f.getPath().getName())
          && loopsBack(local, dir, f.getPath())) {
        report.excluded(f.getPath().toString(), "symbolic link to " + LocalFolder.realPath(local, f.getPath())
            + ", a folder above it (a loop): not followed");
      } else if (!isHiddenName(f.getPath().getName())) {
        visible.accept(f.getPath());
      } else if (fs instanceof LocalFileSystem) {
        report.hidden(f.getPath().toString());
      } else {
        hiddenTree.accept(f.getPath());
      }
    }
  }

  /** A folder's entries: on a local disk through {@link LocalFolder}, which reports what it cannot name. */
  private static List<FileStatus> entries(FileSystem fs, Path dir, ListingReport report) throws IOException {
    if (fs instanceof LocalFileSystem local) {
      return LocalFolder.entries(local, dir, report);
    }
    List<FileStatus> out = new ArrayList<>();
    RemoteIterator<FileStatus> entries = fs.listStatusIterator(dir);
    while (entries.hasNext()) {
      out.add(entries.next());
    }
    return out;
  }

  /** Counts every file below a hidden folder as hidden, as {@link #walk}'s flat listing does off local disks. */
  static void countHidden(FileSystem fs, Path dir, ListingReport report) throws IOException {
    RemoteIterator<LocatedFileStatus> listing = fs.listFiles(dir, true);
    while (listing.hasNext()) {
      LocatedFileStatus f = listing.next();
      if (f.isFile()) {
        report.hidden(f.getPath().toString());
      }
    }
  }

  /** Adds a file a folder or glob reached, or counts why not. */
  static void take(FileStatus f, boolean visible, Predicate<Path> taken, Consumer<FileStatus> add,
      ListingReport report) {
    if (!visible) {
      report.hidden(f.getPath().toString());
    } else if (taken.test(f.getPath())) {
      add.accept(f);
    } else {
      report.skipped(f.getPath().toString());
    }
  }

  /** True when a component a wildcard of {@code pattern} matched in {@code match} is hidden. */
  static boolean hiddenByWildcard(Path pattern, Path match) {
    Path p = pattern;
    Path m = match;
    while (p != null && m != null && !p.getName().isEmpty()) {
      if (WILDCARD.matcher(p.getName()).find() && isHiddenName(m.getName())) {
        return true;
      }
      p = p.getParent();
      m = m.getParent();
    }
    return false;
  }

  /**
   * Lists a local folder tree with plain statuses ({@link LocalFolder}). {@code listFiles} builds a
   * {@link LocatedFileStatus} per file, which reads its permissions, and without Hadoop's native library the local
   * file system gets them by running {@code stat} per file: 1,200 images took 7.5 s to list that way. Symbolic links
   * are followed, each folder once by its real path: a link to a folder already walked or to one above the walk's
   * root (a loop) is reported, as is a subfolder that cannot be read.
   */
  private static void walkLocal(LocalFileSystem fs, Path dir, Predicate<Path> taken, Consumer<FileStatus> add,
      ListingReport report, java.nio.file.Path root, Set<java.nio.file.Path> walked) throws IOException {
    for (FileStatus f : LocalFolder.entries(fs, dir, report)) {
      if (isHiddenName(f.getPath().getName())) {
        report.hidden(f.getPath().toString());
      } else if (f.isDirectory()) {
        String uri = f.getPath().toString();
        try {
          java.nio.file.Path real = LocalFolder.realPath(fs, f.getPath());
          if (root.startsWith(real) || !walked.add(real)) {
            report.excluded(uri, "symbolic link to " + real + ", a folder this walk lists already (a loop or a "
                + "second link): not followed");
          } else {
            walkLocal(fs, f.getPath(), taken, add, report, root, walked);
          }
        } catch (IOException e) {
          report.excluded(uri, "cannot list folder: " + e);
        }
      } else {
        take(f, true, taken, add, report);
      }
    }
  }

  /**
   * True when local folder {@code dir} is really {@code parent} or one of its ancestors: a symbolic link back up,
   * which a walk must not enter.
   */
  static boolean loopsBack(LocalFileSystem fs, Path parent, Path dir) throws IOException {
    return LocalFolder.realPath(fs, parent).startsWith(LocalFolder.realPath(fs, dir));
  }

  /** True when {@code p}'s extension is a default image extension. */
  static boolean isImage(Path p) {
    return IMAGE_EXTENSIONS.contains(extension(p));
  }

  /** The file name's extension, lower case; empty when it has none. */
  static String extension(Path p) {
    String name = p.getName();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
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
  static boolean isHiddenName(String name) {
    return name.startsWith(".") || name.startsWith("_");
  }
}

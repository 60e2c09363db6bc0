package ai.posespark.source;

import java.util.ArrayList;
import java.util.List;

/**
 * The files a listing walked past without making a frame of them, so nothing leaves the dataset's accounting
 * silently: files of folders and globs whose extension {@code input.extensions} does not name, and hidden entries
 * ({@code .}/{@code _} prefixes); entries left out for a reason (a symbolic-link loop, a folder that cannot be read,
 * a name that cannot be decoded); and ground-truth images that no listed file is. Counts every one, keeps the first
 * few as examples.
 */
public final class ListingReport implements java.io.Serializable {
  /** Examples kept per kind. */
  public static final int EXAMPLES = 5;

  private long skipped;
  private long hidden;
  private long unlisted;
  private long excluded;
  private final List<String> excludedExamples = new ArrayList<>();
  private final List<String> skippedExamples = new ArrayList<>();
  private final List<String> hiddenExamples = new ArrayList<>();
  private final List<String> unlistedExamples = new ArrayList<>();

  /** A file that is not listed because its extension is not an image's. */
  void skipped(String uri) {
    skipped++;
    if (skippedExamples.size() < EXAMPLES) {
      skippedExamples.add(uri);
    }
  }

  /** A hidden file or folder (its contents uncounted) that is not listed. */
  void hidden(String uri) {
    hidden++;
    if (hiddenExamples.size() < EXAMPLES) {
      hiddenExamples.add(uri);
    }
  }

  /** An entry left out for {@code reason}: a link loop, an unreadable folder, an undecodable name. */
  void excluded(String uri, String reason) {
    excluded++;
    if (excludedExamples.size() < EXAMPLES) {
      excludedExamples.add(uri + ": " + reason);
    }
  }

  /** A ground-truth image no listed frame is: evaluated as an image without detections, and counted here. */
  public void annotatedNotListed(String fileName) {
    unlisted++;
    if (unlistedExamples.size() < EXAMPLES) {
      unlistedExamples.add(fileName);
    }
  }

  /**
   * Adds {@code other}'s counts to this one's, and its examples while fewer than {@link #EXAMPLES} are kept: the
   * reports of listings done apart (executor tasks, one per group of folders) summed into one.
   */
  public void add(ListingReport other) {
    skipped += other.skipped;
    hidden += other.hidden;
    unlisted += other.unlisted;
    excluded += other.excluded;
    addExamples(excludedExamples, other.excludedExamples);
    addExamples(skippedExamples, other.skippedExamples);
    addExamples(hiddenExamples, other.hiddenExamples);
    addExamples(unlistedExamples, other.unlistedExamples);
  }

  private static void addExamples(List<String> to, List<String> from) {
    for (int i = 0; i < from.size() && to.size() < EXAMPLES; i++) {
      to.add(from.get(i));
    }
  }

  /** Ground-truth images that are not among the listed frames. */
  public long annotatedNotListed() {
    return unlisted;
  }

  /** Files skipped for their extension. */
  public long skipped() {
    return skipped;
  }

  /** Hidden files and folders skipped. */
  public long hidden() {
    return hidden;
  }

  /** Entries left out for a reason other than their extension or a hidden name. */
  public long excluded() {
    return excluded;
  }

  /** The first entries left out for a reason, each {@code uri: reason}. */
  public List<String> excludedExamples() {
    return List.copyOf(excludedExamples);
  }

  /** The first skipped files, in listing order. */
  public List<String> skippedExamples() {
    return List.copyOf(skippedExamples);
  }

  /** The first hidden entries, in listing order. */
  public List<String> hiddenExamples() {
    return List.copyOf(hiddenExamples);
  }

  /** True when the listing left nothing out. */
  public boolean isEmpty() {
    return skipped == 0 && hidden == 0 && unlisted == 0 && excluded == 0;
  }

  /** One line for the run summary, e.g. {@code skipped 2 files not listed by input.extensions (a.txt, b.csv)}. */
  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    if (skipped > 0) {
      parts.add(skipped + " files not named by input.extensions (" + examples(skippedExamples, skipped) + ")");
    }
    if (hidden > 0) {
      parts.add(hidden + " hidden ./_ entries (" + examples(hiddenExamples, hidden) + ")");
    }
    if (excluded > 0) {
      parts.add(excluded + " entries that cannot be listed (" + examples(excludedExamples, excluded) + ")");
    }
    String line = parts.isEmpty() ? "no files skipped" : "skipped " + String.join(", ", parts);
    return unlisted == 0 ? line : line + "; " + unlisted + " annotated images not in the input, evaluated as "
        + "missed (" + examples(unlistedExamples, unlisted) + ")";
  }

  private static String examples(List<String> examples, long count) {
    return String.join(", ", examples) + (count > examples.size() ? ", …" : "");
  }
}

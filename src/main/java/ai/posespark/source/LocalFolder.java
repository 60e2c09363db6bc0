package ai.posespark.source;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A local folder's entries as Hadoop statuses, read with java.nio so nothing is dropped unseen: Hadoop's local
 * listing silently leaves out a name it cannot stat (a name that is not valid in the JVM's file-name encoding, a
 * broken symbolic link); here each is reported in the {@link ListingReport} with why. Paths and modification times
 * are those Hadoop's listing gives (frame ids and {@code append}'s file versions stay the same). Symbolic links are
 * followed; {@link #realPath} tells a walk where a folder really is, so that a link loop is seen.
 */
final class LocalFolder {
  private LocalFolder() {}

  /** The entries of {@code dir}, sorted by name; the ones that cannot be named or read go to {@code report}. */
  static List<FileStatus> entries(LocalFileSystem fs, Path dir, ListingReport report) throws IOException {
    long blockSize = fs.getDefaultBlockSize(dir);
    List<java.nio.file.Path> names = new ArrayList<>();
    try (DirectoryStream<java.nio.file.Path> stream = Files.newDirectoryStream(fs.pathToFile(dir).toPath())) {
      stream.forEach(names::add);
    }
    names.sort(null);
    List<FileStatus> out = new ArrayList<>(names.size());
    for (java.nio.file.Path entry : names) {
      String name = entry.getFileName().toString();
      Path path = new Path(dir, new Path(null, null, name));
      if (name.indexOf('\uFFFD') >= 0) {
        report.excluded(path.toString(), "name not valid in the file-name encoding "
            + System.getProperty("sun.jnu.encoding") + " (rename it, or run with a UTF-8 locale)");
        continue;
      }
      BasicFileAttributes a;
      try {
        a = Files.readAttributes(entry, BasicFileAttributes.class);
      } catch (NoSuchFileException e) {
        report.excluded(path.toString(),
            Files.isSymbolicLink(entry) ? "broken symbolic link" : "vanished while listed");
        continue;
      }
      out.add(new FileStatus(a.isDirectory() ? 0 : a.size(), a.isDirectory(), 1, blockSize,
          a.lastModifiedTime().toMillis(), path));
    }
    return out;
  }

  /** Where folder {@code dir} really is, every symbolic link resolved. */
  static java.nio.file.Path realPath(LocalFileSystem fs, Path dir) throws IOException {
    return fs.pathToFile(dir).toPath().toRealPath();
  }
}

package ai.posespark.decode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.attribute.BasicFileAttributes;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * An image file's bytes, read whole only when that is bounded: a regular file (a FIFO would block the task for
 * ever, {@code /dev/zero} never ends; symbolic links are followed to what they name) of at most
 * {@code input.maxFileBytes}, checked before the first byte is read. Any Hadoop file system; on {@code hdfs://} and
 * {@code s3a://} everything is a file or a folder.
 */
final class FileBytes {
  /** {@code st_mode}'s file-type bits and the kinds that are not regular files, as stat(2) defines them. */
  private static final int S_IFMT = 0170000;

  private FileBytes() {}

  /** The bytes of {@code uri}; a refusal (not a regular file, too large) is a {@link FrameDecodeException}. */
  static byte[] read(String uri, Configuration conf, long maxBytes) throws IOException, FrameDecodeException {
    Path path = new Path(uri);
    FileSystem fs = path.getFileSystem(conf);
    // file: is a checksummed wrapper that looks for a .crc beside every file; images never have one
    if (fs instanceof LocalFileSystem local) {
      fs = local.getRaw();
    }
    long length;
    if (fs instanceof RawLocalFileSystem raw) {
      java.nio.file.Path file = raw.pathToFile(path).toPath();
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      if (!attributes.isRegularFile()) {
        throw new FrameDecodeException("not a regular file: " + kind(file, attributes) + " (not read)");
      }
      length = attributes.size();
    } else {
      FileStatus status = fs.getFileStatus(path);
      if (!status.isFile()) {
        throw new FrameDecodeException("not a regular file: a directory (not read)");
      }
      length = status.getLen();
    }
    if (length > maxBytes) {
      throw new FrameDecodeException(tooLarge(length + " bytes", maxBytes));
    }
    try (InputStream in = fs.open(path)) {
      byte[] bytes = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
      if (bytes.length > maxBytes) {
        throw new FrameDecodeException(tooLarge("more than " + maxBytes + " bytes (it grew while read)", maxBytes));
      }
      return bytes;
    }
  }

  private static String tooLarge(String size, long maxBytes) {
    return String.format("file is %s, above input.maxFileBytes %,d (not read)", size, maxBytes);
  }

  /** What a local file that is not regular is, as {@code ls -l} would tell. */
  private static String kind(java.nio.file.Path file, BasicFileAttributes attributes) {
    if (attributes.isDirectory()) {
      return "a directory";
    }
    try {
      int type = (Integer) Files.getAttribute(file, "unix:mode") & S_IFMT;
      return switch (type) {
        case 0010000 -> "a FIFO (named pipe)";
        case 0020000 -> "a character device";
        case 0060000 -> "a block device";
        case 0140000 -> "a socket";
        default -> String.format("file type 0%o", type);
      };
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return "a device, FIFO or socket"; // no unix view: the kind cannot be told apart
    }
  }
}

package ai.posespark.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Files the report and the exports write and copy, on any Hadoop file system. On local disk they go through the raw
 * file system, so no {@code .name.crc} checksum file lands beside each one for the user's tools to trip over, and
 * a name the checksum wrapper cannot build a {@code .crc} path for ({@code 2024-05-01T10:22:33.jpg}) still opens.
 */
final class RunFiles {
  private RunFiles() {}

  /** Creates (overwrites) {@code file}, its folders included. */
  static OutputStream create(String file, Configuration conf) throws IOException {
    return create(new Path(file), conf);
  }

  static OutputStream create(Path file, Configuration conf) throws IOException {
    FileSystem fs = file.getFileSystem(conf);
    if (fs instanceof LocalFileSystem local) {
      return local.getRawFileSystem().create(fs.makeQualified(file), true);
    }
    return fs.create(file, true);
  }

  /** Opens {@code file} for reading. */
  static InputStream open(Path file, Configuration conf) throws IOException {
    FileSystem fs = file.getFileSystem(conf);
    if (fs instanceof LocalFileSystem local) {
      return local.getRawFileSystem().open(fs.makeQualified(file));
    }
    return fs.open(file);
  }
}

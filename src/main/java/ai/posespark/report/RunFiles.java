package ai.posespark.report;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Files the report and the exports write, on any Hadoop file system. On local disk they go through the raw file
 * system, so no {@code .name.crc} checksum file lands beside each one for the user's tools to trip over.
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
}

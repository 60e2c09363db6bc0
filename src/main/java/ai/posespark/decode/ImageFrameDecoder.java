package ai.posespark.decode;

import ai.posespark.source.FrameTask;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;

/** An image file (any Hadoop file system) → its one frame, through {@link ImageDecoder}. */
public final class ImageFrameDecoder implements FrameDecoder {
  private final Configuration conf;
  private final ImageLimits limits;
  private final DecodeTarget target;

  /** Reads files with {@code conf}'s file systems ({@code hdfs://}, {@code s3a://} settings), at full size. */
  public ImageFrameDecoder(Configuration conf, ImageLimits limits) {
    this(conf, limits, null);
  }

  /** As {@link #ImageFrameDecoder(Configuration, ImageLimits)}, JPEGs reduced towards {@code target} (or null). */
  public ImageFrameDecoder(Configuration conf, ImageLimits limits, DecodeTarget target) {
    this.conf = conf;
    this.limits = limits;
    this.target = target;
  }

  @Override
  public Iterator<DecodedFrame> frames(FrameTask task) {
    return List.of(decode(task)).iterator();
  }

  private DecodedFrame decode(FrameTask task) {
    long t0 = System.nanoTime();
    byte[] bytes;
    try {
      bytes = read(task.uri());
    } catch (IOException | RuntimeException e) {
      return DecodedFrame.failed(task, "cannot read: " + e, 0, 0);
    }
    long t1 = System.nanoTime();
    double readMs = (t1 - t0) / 1e6;
    try {
      DecodedImage image = ImageDecoder.read(bytes, limits, target);
      return DecodedFrame.ok(task, image, readMs, (System.nanoTime() - t1) / 1e6);
    } catch (FrameDecodeException | RuntimeException e) {
      return DecodedFrame.failed(task, e.getMessage(), readMs, (System.nanoTime() - t1) / 1e6);
    }
  }

  private byte[] read(String uri) throws IOException {
    Path path = new Path(uri);
    FileSystem fs = path.getFileSystem(conf);
    // file: is a checksummed wrapper that looks for a .crc beside every file; images never have one
    if (fs instanceof LocalFileSystem local) {
      fs = local.getRaw();
    }
    try (InputStream in = fs.open(path)) {
      return in.readAllBytes();
    }
  }
}

package ai.posespark.decode;

import ai.posespark.source.FrameTask;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;

/**
 * An image file (any Hadoop file system) → its one frame: its bytes read within bounds ({@link FileBytes}), decoded
 * by {@link ImageDecoder}.
 */
public final class ImageFrameDecoder implements FrameDecoder {
  static {
    // libjpeg-turbo's natives load once per JVM, not inside the first JPEG's input.decodeTimeoutMs
    TurboJpeg.available();
  }

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
      bytes = FileBytes.read(task.uri(), conf, limits.maxFileBytes());
    } catch (FrameDecodeException e) {
      return DecodedFrame.failed(task, e.getMessage(), (System.nanoTime() - t0) / 1e6, 0);
    } catch (IOException | RuntimeException e) {
      return DecodedFrame.failed(task, "cannot read: " + e, (System.nanoTime() - t0) / 1e6, 0);
    }
    long t1 = System.nanoTime();
    double readMs = (t1 - t0) / 1e6;
    try {
      DecodedImage image = ImageDecoder.read(bytes, limits, target);
      return DecodedFrame.ok(task, image, readMs, (System.nanoTime() - t1) / 1e6);
    } catch (FrameDecodeException e) {
      return DecodedFrame.failed(task, e.getMessage(), readMs, (System.nanoTime() - t1) / 1e6);
    } catch (RuntimeException | Error e) {
      // one file's bytes must never end the executor: an OutOfMemoryError or StackOverflowError is that frame's row
      return DecodedFrame.failed(task, "cannot decode image: " + e, readMs, (System.nanoTime() - t1) / 1e6);
    }
  }
}

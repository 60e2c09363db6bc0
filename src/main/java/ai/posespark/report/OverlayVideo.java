package ai.posespark.report;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MPEG4;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB24;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameRecorder;

/**
 * An annotated video: a video's drawn frames, in frame order, encoded as MPEG-4 part 2 in MP4 (FFmpeg through
 * JavaCV, as the decoders read videos) at the frame rate their timestamps give. Frames are added one at a time and
 * encoded as they come, so a long video's overlay never sits in memory whole.
 */
final class OverlayVideo implements AutoCloseable {
  private final String file;
  private final Configuration conf;
  private final Path local;
  private FFmpegFrameRecorder recorder;
  private SampleFrames.Drawn first;
  private Frame frame;
  private byte[] row;

  /** A video to be written to {@code file} (any Hadoop file system; encoded locally first). */
  OverlayVideo(String file, Configuration conf) throws IOException {
    this.file = file;
    this.conf = conf;
    this.local = Files.createTempFile("posespark-overlay", ".mp4");
  }

  /** Writes {@code frames} (drawn frames of one video, in order, all one size) to {@code file}. */
  static void write(List<SampleFrames.Drawn> frames, String file, Configuration conf) throws IOException {
    try (OverlayVideo video = new OverlayVideo(file, conf)) {
      for (SampleFrames.Drawn d : frames) {
        video.add(d);
      }
    }
  }

  /**
   * Adds the next frame (all one size). The encoder starts at the second frame, whose timestamp against the
   * first's gives the frame rate; only that first frame waits in memory.
   */
  void add(SampleFrames.Drawn d) throws IOException {
    if (recorder == null) {
      if (first == null) {
        first = d;
        return;
      }
      start(fps(first, d));
      encode(first);
      first = null;
    }
    encode(d);
  }

  /** Encodes what is left, then copies the video to its place. */
  @Override
  public void close() throws IOException {
    try {
      if (recorder == null && first != null) {
        start(25);
        encode(first);
      }
      if (recorder != null) {
        try {
          recorder.stop();
          recorder.release();
        } catch (FrameRecorder.Exception e) {
          throw new IOException("encoding " + file + ": " + e.getMessage(), e);
        }
        try (InputStream in = Files.newInputStream(local); OutputStream out = RunFiles.create(file, conf)) {
          in.transferTo(out);
        }
      }
    } finally {
      Files.deleteIfExists(local);
    }
  }

  private void start(double fps) throws IOException {
    BufferedImage image = first.image();
    // the encoder takes even sizes: drop a last odd row or column
    int w = image.getWidth() & ~1;
    int h = image.getHeight() & ~1;
    avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    recorder = new FFmpegFrameRecorder(local.toString(), w, h);
    recorder.setFormat("mp4");
    recorder.setVideoCodec(AV_CODEC_ID_MPEG4);
    recorder.setFrameRate(fps);
    // a bit rate rather than a quality: MPEG-4 part 2 takes no crf
    recorder.setVideoBitrate(Math.max(1_000_000, w * h * 8));
    try {
      recorder.start();
    } catch (FrameRecorder.Exception e) {
      throw new IOException("encoding " + file + ": " + e.getMessage(), e);
    }
    frame = new Frame(w, h, Frame.DEPTH_UBYTE, 3);
    row = new byte[w * 3];
  }

  private void encode(SampleFrames.Drawn d) throws IOException {
    BufferedImage image = d.image();
    ByteBuffer buf = (ByteBuffer) frame.image[0];
    for (int y = 0; y < frame.imageHeight; y++) {
      for (int x = 0; x < frame.imageWidth; x++) {
        int rgb = image.getRGB(Math.min(x, image.getWidth() - 1), Math.min(y, image.getHeight() - 1));
        row[x * 3] = (byte) (rgb >> 16);
        row[x * 3 + 1] = (byte) (rgb >> 8);
        row[x * 3 + 2] = (byte) rgb;
      }
      buf.put(y * frame.imageStride, row, 0, row.length);
    }
    try {
      recorder.record(frame, AV_PIX_FMT_RGB24);
    } catch (FrameRecorder.Exception e) {
      throw new IOException("encoding " + file + ": " + e.getMessage(), e);
    }
  }

  /** Frames per second from two consecutive drawn frames' timestamps; 25 when they do not say. */
  static double fps(SampleFrames.Drawn a, SampleFrames.Drawn b) {
    long t0 = a.frame().getLong(3);
    long t1 = b.frame().getLong(3);
    return t1 > t0 ? Math.max(1, Math.min(120, 1000.0 / (t1 - t0))) : 25;
  }
}

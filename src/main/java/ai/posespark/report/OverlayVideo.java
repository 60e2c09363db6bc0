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
 * JavaCV, as the decoders read videos) at the frame rate their timestamps give.
 */
final class OverlayVideo {
  private OverlayVideo() {}

  /**
   * Writes {@code frames} (drawn frames of one video, in order, all one size) to {@code file} (any Hadoop file
   * system; encoded locally first).
   */
  static void write(List<SampleFrames.Drawn> frames, String file, Configuration conf) throws IOException {
    BufferedImage first = frames.get(0).image();
    // the encoder takes even sizes: drop a last odd row or column
    int w = first.getWidth() & ~1;
    int h = first.getHeight() & ~1;
    avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    Path local = Files.createTempFile("posespark-overlay", ".mp4");
    try {
      try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(local.toString(), w, h)) {
        recorder.setFormat("mp4");
        recorder.setVideoCodec(AV_CODEC_ID_MPEG4);
        recorder.setFrameRate(fps(frames));
        // a bit rate rather than a quality: MPEG-4 part 2 takes no crf
        recorder.setVideoBitrate(Math.max(1_000_000, w * h * 8));
        recorder.start();
        Frame frame = new Frame(w, h, Frame.DEPTH_UBYTE, 3);
        byte[] row = new byte[w * 3];
        for (SampleFrames.Drawn d : frames) {
          ByteBuffer buf = (ByteBuffer) frame.image[0];
          for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
              int rgb = d.image().getRGB(Math.min(x, d.image().getWidth() - 1), Math.min(y, d.image().getHeight() - 1));
              row[x * 3] = (byte) (rgb >> 16);
              row[x * 3 + 1] = (byte) (rgb >> 8);
              row[x * 3 + 2] = (byte) rgb;
            }
            buf.put(y * frame.imageStride, row, 0, row.length);
          }
          recorder.record(frame, AV_PIX_FMT_RGB24);
        }
        recorder.stop();
      } catch (FrameRecorder.Exception e) {
        throw new IOException("encoding " + file + ": " + e.getMessage(), e);
      }
      try (InputStream in = Files.newInputStream(local); OutputStream out = RunFiles.create(file, conf)) {
        in.transferTo(out);
      }
    } finally {
      Files.deleteIfExists(local);
    }
  }

  /** Frames per second from the first and last frames' timestamps; 25 when they do not say. */
  static double fps(List<SampleFrames.Drawn> frames) {
    if (frames.size() < 2) {
      return 25;
    }
    long t0 = frames.get(0).frame().getLong(3);
    long t1 = frames.get(frames.size() - 1).frame().getLong(3);
    return t1 > t0 ? Math.max(1, Math.min(120, (frames.size() - 1) * 1000.0 / (t1 - t0))) : 25;
  }
}

package ai.posespark.decode;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MJPEG;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MPEG2VIDEO;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MPEG4;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_VP9;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_FATAL;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB24;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameRecorder;

/**
 * Videos the tests render themselves with FFmpeg (JavaCV's {@link FFmpegFrameRecorder}), so that what each frame
 * shows is known: {@link #frameNumbers()} paints each frame's index as a binary code of blocks that survives lossy
 * codecs ({@link #frameNumber} reads it back), {@link SpritePainter} pastes real person pixels (the skier of
 * {@code data/samples/000000000785.jpg}, CC BY 2.0, see {@code data/samples/LICENSES.md}) at known positions.
 * Files go where the caller says (a {@code @TempDir} or {@code target/}).
 */
public final class TestVideos {
  /** Bits of the painted frame number: frames 0..65535. */
  private static final int BITS = 16;

  private TestVideos() {}

  /**
   * A codec in a container. The bytedeco FFmpeg build has no x264 (LGPL): H.264 is Cisco's OpenH264 encoder, which
   * writes no B-frames; MPEG-4 part 2 and MPEG-2 get two B-frames, so stored and shown order differ.
   */
  public enum Codec {
    /** MPEG-4 part 2 with B-frames in AVI, as XviD files: AVI stores no pts for reordered frames. */
    MPEG4_AVI("avi", "avi", AV_CODEC_ID_MPEG4, null, 2),
    /** MPEG-4 part 2 with B-frames in MP4 (pts and dts per sample). */
    MPEG4_MP4("mp4", "mp4", AV_CODEC_ID_MPEG4, null, 2),
    /** H.264 (OpenH264, constrained baseline) in MP4. */
    H264_MP4("mp4", "mp4", AV_CODEC_ID_H264, "libopenh264", -1),
    /** Motion JPEG in AVI: every frame a keyframe. */
    MJPEG_AVI("avi", "avi", AV_CODEC_ID_MJPEG, null, -1),
    /** MPEG-2 with B-frames in an MPEG transport stream (no index: seeks search by timestamp). */
    MPEG2_TS("mpegts", "ts", AV_CODEC_ID_MPEG2VIDEO, null, 2),
    /** MPEG-2 with B-frames in an MPEG program stream (no index, pts missing for some reference frames). */
    MPEG2_PS("mpeg", "mpg", AV_CODEC_ID_MPEG2VIDEO, null, 2),
    /** VP9 (libvpx) in WebM. */
    VP9_WEBM("webm", "webm", AV_CODEC_ID_VP9, "libvpx-vp9", -1);

    final String format;
    /** The file extension. */
    public final String extension;
    final int codecId;
    final String encoder;
    final int bFrames;

    Codec(String format, String extension, int codecId, String encoder, int bFrames) {
      this.format = format;
      this.extension = extension;
      this.codecId = codecId;
      this.encoder = encoder;
      this.bFrames = bFrames;
    }
  }

  /**
   * What to render.
   *
   * @param width  frame width (even)
   * @param height frame height (even)
   * @param fps    frame rate
   * @param frames frame count
   * @param codec  codec and container
   * @param gop    keyframe interval
   */
  public record Spec(int width, int height, double fps, int frames, Codec codec, int gop) {}

  /** Paints frame {@code frame} into {@code rgb} (height × width × 3, row-major, already cleared to black). */
  @FunctionalInterface
  public interface Painter {
    void paint(int frame, byte[] rgb, int width, int height);
  }

  /** Renders {@code spec} painted by {@code painter} to {@code dir/name.<extension>}. */
  public static Path render(Path dir, String name, Spec spec, Painter painter) throws IOException {
    avutil.av_log_set_level(AV_LOG_FATAL);
    Path file = dir.resolve(name + "." + spec.codec().extension);
    Files.createDirectories(dir);
    Codec c = spec.codec();
    try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toString(), spec.width(), spec.height())) {
      recorder.setFormat(c.format);
      recorder.setVideoCodec(c.codecId);
      if (c.encoder != null) {
        recorder.setVideoCodecName(c.encoder);
      }
      recorder.setFrameRate(spec.fps());
      recorder.setGopSize(spec.gop());
      if (c.bFrames >= 0) {
        recorder.setMaxBFrames(c.bFrames);
      }
      // fine quantisation: the painted codes stay readable in every frame
      recorder.setVideoQuality(2);
      recorder.setVideoOption("threads", "1");
      recorder.start();
      Frame frame = new Frame(spec.width(), spec.height(), Frame.DEPTH_UBYTE, 3);
      byte[] rgb = new byte[spec.width() * spec.height() * 3];
      for (int i = 0; i < spec.frames(); i++) {
        Arrays.fill(rgb, (byte) 0);
        painter.paint(i, rgb, spec.width(), spec.height());
        ByteBuffer buf = (ByteBuffer) frame.image[0];
        // Frame rows may be padded
        for (int y = 0; y < spec.height(); y++) {
          buf.put(y * frame.imageStride, rgb, y * spec.width() * 3, spec.width() * 3);
        }
        recorder.record(frame, AV_PIX_FMT_RGB24);
      }
      recorder.stop();
    } catch (FrameRecorder.Exception e) {
      throw new IOException("rendering " + file + ": " + e.getMessage(), e);
    }
    return file;
  }

  /** Paints the frame index as {@link #BITS} blocks (white = 1, dark blue = 0) over a moving colour gradient. */
  public static Painter frameNumbers() {
    return (frame, rgb, w, h) -> {
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          int i = (y * w + x) * 3;
          rgb[i] = (byte) (x + frame * 3);
          rgb[i + 1] = (byte) (y * 2 + frame);
          rgb[i + 2] = (byte) 128;
        }
      }
      drawNumber(frame, rgb, w, blockSize(w, h));
    };
  }

  /** The block size {@link #frameNumbers()} paints with in a w×h frame. */
  public static int blockSize(int w, int h) {
    return Math.max(8, Math.min(w / 8, h / 4));
  }

  /**
   * Draws {@code number}'s code: two rows of eight {@code size}-pixel blocks in the top-left corner, least
   * significant bit first.
   */
  public static void drawNumber(int number, byte[] rgb, int w, int size) {
    for (int b = 0; b < BITS; b++) {
      boolean one = (number >> b & 1) == 1;
      int bx = b % 8 * size;
      int by = b / 8 * size;
      for (int y = by; y < by + size; y++) {
        for (int x = bx; x < bx + size; x++) {
          int i = (y * w + x) * 3;
          rgb[i] = (byte) (one ? 255 : 0);
          rgb[i + 1] = (byte) (one ? 255 : 0);
          rgb[i + 2] = (byte) (one ? 255 : 96);
        }
      }
    }
  }

  /** The number {@link #frameNumbers()} painted into a decoded frame. */
  public static int frameNumber(RgbImage image) {
    return frameNumber(image, blockSize(image.width(), image.height()));
  }

  /** The number {@link #drawNumber} painted with {@code size}-pixel blocks: each block's centre, bright or dark. */
  public static int frameNumber(RgbImage image, int size) {
    int n = 0;
    for (int b = 0; b < BITS; b++) {
      int cx = b % 8 * size + size / 2;
      int cy = b / 8 * size + size / 2;
      int sum = 0;
      for (int c = 0; c < 3; c++) {
        sum += image.channel(cx, cy, c);
      }
      if (sum > 3 * 160) {
        n |= 1 << b;
      }
    }
    return n;
  }

  /**
   * A person cut from a photo.
   *
   * @param pixels the cut-out
   * @param photoX where its left edge was in the photo (a photo keypoint x maps to {@code x - photoX} in it)
   * @param photoY where its top edge was
   * @param scale  photo pixels per cut-out pixel (a keypoint maps to {@code (x - photoX) / scale})
   */
  public record Sprite(RgbImage pixels, int photoX, int photoY, int scale) {}

  /** The skier of {@code data/samples/000000000785.jpg}, cut by its COCO box, shrunk {@code scale} times. */
  public static Sprite skier(int scale) throws IOException {
    Path samples = TestImages.samples();
    JsonNode box = new ObjectMapper().readTree(samples.resolve("person_keypoints.json").toFile())
        .path("annotations").get(0).path("bbox");
    RgbImage photo;
    try {
      photo = ImageDecoder.decode(Files.readAllBytes(samples.resolve("000000000785.jpg")));
    } catch (FrameDecodeException e) {
      throw new IOException(e);
    }
    int x0 = (int) Math.floor(box.get(0).asDouble());
    int y0 = (int) Math.floor(box.get(1).asDouble());
    int w = (int) Math.ceil(box.get(0).asDouble() + box.get(2).asDouble()) - x0;
    int h = (int) Math.ceil(box.get(1).asDouble() + box.get(3).asDouble()) - y0;
    int sw = w / scale;
    int sh = h / scale;
    byte[] rgb = new byte[sw * sh * 3];
    for (int y = 0; y < sh; y++) {
      for (int x = 0; x < sw; x++) {
        for (int c = 0; c < 3; c++) {
          int sum = 0;
          for (int dy = 0; dy < scale; dy++) {
            for (int dx = 0; dx < scale; dx++) {
              sum += photo.channel(x0 + x * scale + dx, y0 + y * scale + dy, c);
            }
          }
          rgb[(y * sw + x) * 3 + c] = (byte) (sum / (scale * scale));
        }
      }
    }
    return new Sprite(new RgbImage(sw, sh, rgb), x0, y0, scale);
  }

  /** A straight path from (x0, y0) at frame 0 to (x1, y1) at frame {@code frames - 1}: top-left corners. */
  public static IntFunction<int[]> line(int x0, int y0, int x1, int y1, int frames) {
    return f -> {
      double t = frames <= 1 ? 0 : f / (double) (frames - 1);
      return new int[] {(int) Math.round(x0 + t * (x1 - x0)), (int) Math.round(y0 + t * (y1 - y0))};
    };
  }

  /**
   * Pastes sprites along paths over a plain grey background, later sprites on top, clipped at the frame's edges;
   * the frame number is drawn in the top-left corner too, in {@link #BLOCK}-pixel blocks. {@link #offset} says
   * where each sprite was.
   */
  public static final class SpritePainter implements Painter {
    /** Block size of the frame number a sprite video carries (a 64×16 corner). */
    public static final int BLOCK = 8;

    private final List<Sprite> sprites;
    private final List<IntFunction<int[]>> paths;

    /** Sprite {@code i} follows path {@code i}. */
    public SpritePainter(List<Sprite> sprites, List<IntFunction<int[]>> paths) {
      if (sprites.size() != paths.size()) {
        throw new IllegalArgumentException("one path per sprite");
      }
      this.sprites = List.copyOf(sprites);
      this.paths = List.copyOf(paths);
    }

    /** The top-left corner {x, y} of sprite {@code sprite} in frame {@code frame}. */
    public int[] offset(int frame, int sprite) {
      return paths.get(sprite).apply(frame);
    }

    @Override
    public void paint(int frame, byte[] rgb, int w, int h) {
      Arrays.fill(rgb, (byte) 110);
      for (int s = 0; s < sprites.size(); s++) {
        RgbImage px = sprites.get(s).pixels();
        int[] at = offset(frame, s);
        for (int y = Math.max(0, -at[1]); y < px.height() && at[1] + y < h; y++) {
          int from = Math.max(0, -at[0]);
          int to = Math.min(px.width(), w - at[0]);
          if (to > from) {
            System.arraycopy(px.rgb(), (y * px.width() + from) * 3, rgb, ((at[1] + y) * w + at[0] + from) * 3,
                (to - from) * 3);
          }
        }
      }
      drawNumber(frame, rgb, w, BLOCK);
    }
  }
}

package ai.posespark.source;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_FATAL;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB24;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;

/**
 * Opens a video for FFmpeg (through JavaCV's {@link FFmpegFrameGrabber}): a local file by its path, any other
 * Hadoop file system ({@code hdfs://}, {@code s3a://}) through a seekable stream, so a range task reads only the
 * bytes around its frames, never a copy of the whole file. The decoder gets one thread: Spark already runs a task
 * per core. FFmpeg's own log is off (errors per broken macroblock would flood executor logs); what failed goes to
 * the frame rows instead.
 */
public final class VideoFiles {
  private static final Pattern FFMPEG_ERROR = Pattern.compile("^(\\w+)\\(\\) error (-?\\d+)");
  private static volatile boolean quiet;

  private VideoFiles() {}

  /**
   * A started grabber for {@code uri}; the caller closes it.
   *
   * @param rgb whether decoded frames are converted to packed 8-bit RGB (decoding) or left alone (probing)
   */
  public static FFmpegFrameGrabber open(String uri, Configuration conf, boolean rgb) throws IOException {
    Path path = new Path(uri);
    String scheme = path.toUri().getScheme();
    return open(uri, conf, rgb, scheme != null && !scheme.equals("file"));
  }

  /** {@link #open(String, Configuration, boolean)}, through a Hadoop stream when {@code viaStream} (tests). */
  static FFmpegFrameGrabber open(String uri, Configuration conf, boolean rgb, boolean viaStream) throws IOException {
    silenceFfmpeg();
    Path path = new Path(uri);
    FFmpegFrameGrabber grabber;
    if (viaStream) {
      FileSystem fs = path.getFileSystem(conf);
      long length = fs.getFileStatus(path).getLen();
      grabber = new FFmpegFrameGrabber(new SeekableInput(fs.open(path), length, uri), Integer.MAX_VALUE - 8);
    } else {
      // "file:" so that FFmpeg never reads a colon in the path as a protocol name
      grabber = new FFmpegFrameGrabber("file:" + path.toUri().getPath());
    }
    grabber.setVideoOption("threads", "1");
    if (rgb) {
      grabber.setPixelFormat(AV_PIX_FMT_RGB24);
    }
    try {
      grabber.start();
      return grabber;
    } catch (FFmpegFrameGrabber.Exception | RuntimeException e) {
      try {
        grabber.release();
      } catch (FFmpegFrameGrabber.Exception ignored) {
        // the open already failed; that is the error to report
      }
      throw new IOException(reason(e), e);
    }
  }

  /**
   * A short reason for a JavaCV/FFmpeg failure: {@code "avformat_open_input: Invalid data found when processing
   * input"} rather than JavaCV's message with the error number and hints about its own set-up.
   */
  public static String reason(Throwable e) {
    String message = String.valueOf(e.getMessage());
    Matcher m = FFMPEG_ERROR.matcher(message);
    if (m.find()) {
      return m.group(1) + ": " + errorText(Integer.parseInt(m.group(2)));
    }
    int hint = message.indexOf(" (For more details");
    return hint > 0 ? message.substring(0, hint) : message;
  }

  private static String errorText(int code) {
    byte[] buf = new byte[256];
    if (avutil.av_strerror(code, buf, buf.length) != 0) {
      return "FFmpeg error " + code;
    }
    int end = 0;
    while (end < buf.length && buf[end] != 0) {
      end++;
    }
    return new String(buf, 0, end, StandardCharsets.UTF_8);
  }

  private static void silenceFfmpeg() {
    if (!quiet) {
      avutil.av_log_set_level(AV_LOG_FATAL);
      quiet = true;
    }
  }
}

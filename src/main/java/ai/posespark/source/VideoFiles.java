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
 *
 * <p>FFmpeg reads only the bytes PoseSpark hands it. It picks a demuxer by content, whatever the file's name, and
 * some open other URLs named inside the file: an HLS playlist or DASH manifest fetches its segments over HTTP, an
 * SDP file binds UDP ports and waits, a concat list or image2 pattern opens other files. So only the demuxers of
 * self-contained video files are allowed ({@link #DEMUXERS}; others fail with "Format ... not on whitelist"), and
 * the only protocol is {@code file} for the local file itself (none for a Hadoop stream, which is custom I/O).
 */
public final class VideoFiles {
  /**
   * FFmpeg's demuxers of self-contained files (names as {@code ffmpeg -demuxers} lists them; a multi-name demuxer
   * such as {@code mov,mp4,m4a,3gp,3g2,mj2} matches by any of its names): MP4/MOV/3GP, Matroska/WebM, AVI, MPEG
   * program and transport streams, ASF/WMV, FLV, Ogg, MXF, NUT, DV, IVF, Y4M, raw elementary streams, and a single
   * image read as a one-frame video (the {@code *_pipe} readers; not {@code image2}, which expands file patterns).
   */
  static final String DEMUXERS = "mov,matroska,avi,mpeg,mpegts,asf,flv,ogg,mxf,nut,dv,ivf,yuv4mpegpipe,h264,hevc,"
      + "m4v,mpegvideo,mjpeg,gif,jpeg_pipe,png_pipe,bmp_pipe,webp_pipe,tiff_pipe";
  /** What the refusal says it refuses. */
  private static final String REFUSED = "HLS playlists, DASH manifests, SDP sessions, concat lists, image patterns";
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
    grabber.setOption("format_whitelist", DEMUXERS);
    // the local file's own protocol; a stream is custom I/O and needs none, so a nested open can never succeed
    grabber.setOption("protocol_whitelist", viaStream ? "none" : "file");
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
      String reason = reason(e);
      if (reason.endsWith("Invalid argument")) {
        reason += " (or a format refused because it opens other URLs or files: " + REFUSED + ")";
      }
      throw new IOException(reason, e);
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

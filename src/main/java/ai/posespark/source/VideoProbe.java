package ai.posespark.source;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_DISCARD;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.apache.hadoop.conf.Configuration;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacv.FFmpegFrameGrabber;

/**
 * Probes a video by demuxing the packets of its video stream, without decoding them: one packet is one frame, so
 * the frame count is exact (container headers and duration × fps are estimates), and each packet's timestamps and
 * keyframe flag give the video's frames in presentation order and where decoding can start.
 *
 * <p>Presentation order: frame {@code i} is the packet with the {@code i}-th smallest presentation timestamp
 * (pts). Containers that store no pts for reordered frames (AVI, MPEG program streams with B-frames: a reference
 * frame is stored before the B-frames shown ahead of it) get the timestamp FFmpeg's decoder gives the frame: a
 * reference frame is shown when the next reference frame is decoded, so its pts is that packet's decoding
 * timestamp (dts); B-frames carry their own. Packets FFmpeg marks to discard (edit-list pre-roll) are no frames.
 */
public final class VideoProbe {
  private VideoProbe() {}

  /** The index of {@code uri} ({@code bytes} long), or a failed one saying why it cannot be read. */
  public static VideoIndex probe(String uri, long bytes, Configuration conf) {
    FFmpegFrameGrabber grabber;
    try {
      grabber = VideoFiles.open(uri, conf, false);
    } catch (IOException e) {
      return VideoIndex.failed(uri, bytes, "cannot open video: " + e.getMessage());
    }
    try (grabber) {
      return index(uri, bytes, grabber);
    } catch (IOException | RuntimeException e) {
      return VideoIndex.failed(uri, bytes, "cannot read video: " + VideoFiles.reason(e));
    }
  }

  private static VideoIndex index(String uri, long bytes, FFmpegFrameGrabber grabber)
      throws FFmpegFrameGrabber.Exception {
    int stream = grabber.getVideoStream();
    if (!grabber.hasVideo() || stream < 0) {
      return VideoIndex.failed(uri, bytes, "no video stream (" + grabber.getFormat() + ")");
    }
    AVStream st = grabber.getFormatContext().streams(stream);
    AVRational tb = st.time_base();
    Packets packets = new Packets();
    AVPacket pkt;
    while ((pkt = grabber.grabPacket()) != null) {
      if (pkt.stream_index() == stream && (pkt.flags() & AV_PKT_FLAG_DISCARD) == 0) {
        packets.add(pkt.pts(), pkt.dts(), (pkt.flags() & AV_PKT_FLAG_KEY) != 0);
      }
      av_packet_unref(pkt);
    }
    if (packets.size == 0) {
      return VideoIndex.failed(uri, bytes, "no video frames (" + grabber.getFormat() + ")");
    }
    double fps = rate(st.avg_frame_rate());
    fps = fps > 0 ? fps : rate(st.r_frame_rate());
    long frameTicks = fps > 0 ? Math.max(1, Math.round(tb.den() / (tb.num() * fps))) : 1;
    long[] pts = Arrays.copyOf(packets.pts, packets.size);
    long[] dts = Arrays.copyOf(packets.dts, packets.size);
    long[] shown = presentationTimes(pts, dts, frameTicks);
    Integer[] order = IntStream.range(0, shown.length).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.<Integer>comparingLong(i -> shown[i]).thenComparingInt(i -> i));
    long[] sorted = new long[shown.length];
    int[] rank = new int[shown.length];
    for (int r = 0; r < order.length; r++) {
      sorted[r] = shown[order[r]];
      rank[order[r]] = r;
    }
    FrameTimes times = FrameTimes.of(sorted, tb.num(), tb.den());
    if (fps <= 0 && sorted.length > 1 && sorted[sorted.length - 1] > sorted[0]) {
      fps = (sorted.length - 1) / ((sorted[sorted.length - 1] - sorted[0]) * (double) tb.num() / tb.den());
    }
    int[] keys = IntStream.range(0, packets.size).filter(i -> packets.key[i]).boxed()
        .sorted(Comparator.comparingInt(i -> rank[i])).mapToInt(Integer::intValue).toArray();
    int[] keyframes = new int[keys.length];
    long[] seek = new long[keys.length];
    long[] keyDts = new long[keys.length];
    for (int k = 0; k < keys.length; k++) {
      int p = keys[k];
      keyframes[k] = rank[p];
      seek[k] = pts[p] != AV_NOPTS_VALUE ? pts[p] : dts[p] != AV_NOPTS_VALUE ? dts[p] : shown[p];
      keyDts[k] = dts[p] != AV_NOPTS_VALUE ? dts[p] : seek[k];
    }
    return new VideoIndex(uri, bytes, null, grabber.getVideoCodecName(), grabber.getImageWidth(),
        grabber.getImageHeight(), fps, times, keyframes, seek, keyDts);
  }

  /**
   * Each packet's presentation timestamp, in decoding order: its pts; when the container stores none for any
   * packet (no reordering to tell), its dts; else, for a packet without one (a reference frame stored ahead of the
   * B-frames shown before it), the dts of the next reference packet — one without a pts, or whose pts differs from
   * its dts — or, for the last, one frame after the latest timestamp. A packet with neither follows the previous
   * one by a frame.
   *
   * @param frameTicks one frame's duration in the stream's time base
   */
  static long[] presentationTimes(long[] pts, long[] dts, long frameTicks) {
    int n = pts.length;
    long[] shown = new long[n];
    long latest = Long.MIN_VALUE;
    boolean anyPts = false;
    for (int i = 0; i < n; i++) {
      latest = Math.max(latest, Math.max(pts[i], dts[i]));
      anyPts |= pts[i] != AV_NOPTS_VALUE;
    }
    for (int i = 0; i < n; i++) {
      if (pts[i] != AV_NOPTS_VALUE) {
        shown[i] = pts[i];
      } else if (dts[i] == AV_NOPTS_VALUE) {
        shown[i] = i == 0 ? 0 : shown[i - 1] + frameTicks;
      } else if (!anyPts) {
        shown[i] = dts[i];
      } else {
        shown[i] = latest + frameTicks;
        for (int j = i + 1; j < n; j++) {
          if (dts[j] != AV_NOPTS_VALUE && (pts[j] == AV_NOPTS_VALUE || pts[j] != dts[j])) {
            shown[i] = dts[j];
            break;
          }
        }
      }
    }
    return shown;
  }

  private static double rate(AVRational r) {
    return r.num() > 0 && r.den() > 0 ? r.num() / (double) r.den() : 0;
  }

  /** Growable per-packet columns. */
  private static final class Packets {
    long[] pts = new long[1024];
    long[] dts = new long[1024];
    boolean[] key = new boolean[1024];
    int size;

    void add(long p, long d, boolean k) {
      if (size == pts.length) {
        pts = Arrays.copyOf(pts, size * 2);
        dts = Arrays.copyOf(dts, size * 2);
        key = Arrays.copyOf(key, size * 2);
      }
      pts[size] = p;
      dts[size] = d;
      key[size] = k;
      size++;
    }
  }
}

package ai.posespark.report;

import ai.posespark.decode.DecodedFrame;
import ai.posespark.decode.ImageFrameDecoder;
import ai.posespark.decode.ImageLimits;
import ai.posespark.decode.RgbImage;
import ai.posespark.decode.VideoRangeDecoder;
import ai.posespark.source.FrameTask;
import ai.posespark.source.VideoIndex;
import ai.posespark.source.VideoProbe;
import ai.posespark.source.VideoRanges;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * The pixels of a run's frames, decoded again from their files with the job's own decoders: an image file's one
 * frame, or chosen frames of a video (probed, then decoded in order from its start). A frame that no longer
 * decodes (the file moved or changed) is simply absent, so callers draw on a blank canvas instead.
 */
public final class FrameImages {
  private final Configuration conf;

  public FrameImages(Configuration conf) {
    this.conf = conf;
  }

  /**
   * The frame of image file {@code uri}, or null when it does not decode or is so large that the job decoded it
   * subsampled (its poses are in its own pixels; drawing them needs the full-size canvas, not a giant copy).
   */
  public BufferedImage image(String uri) {
    Iterator<DecodedFrame> frames = new ImageFrameDecoder(conf, ImageLimits.DEFAULTS)
        .frames(new FrameTask(uri, 0, 0, 0));
    DecodedFrame f = frames.next();
    return f.isOk() && f.subsampling() == null ? toBufferedImage(f.image()) : null;
  }

  /** Frames {@code indices} of video {@code uri}, by frame index; those that do not decode are missing. */
  public Map<Integer, BufferedImage> videoFrames(String uri, Set<Integer> indices) {
    Map<Integer, BufferedImage> out = new HashMap<>();
    long bytes;
    try {
      Path p = new Path(uri);
      bytes = p.getFileSystem(conf).getFileStatus(p).getLen();
    } catch (IOException e) {
      return out;
    }
    VideoIndex video = VideoProbe.probe(uri, bytes, conf);
    if (video.error() != null || video.frames() == 0 || indices.isEmpty()) {
      return out;
    }
    int last = indices.stream().mapToInt(Integer::intValue).max().orElse(0);
    VideoRangeDecoder decoder = new VideoRangeDecoder(conf);
    // one range per keyframe interval, so that only the intervals holding a wanted frame are decoded (an export
    // asks for a long video's frames a chunk at a time)
    for (FrameTask range : VideoRanges.split(video, 1, 1)) {
      if (range.frameIndex() > last) {
        break;
      }
      int start = range.frameIndex();
      int end = start + range.frameCount();
      if (indices.stream().noneMatch(i -> i >= start && i < end)) {
        continue;
      }
      Iterator<DecodedFrame> frames = decoder.frames(range);
      while (frames.hasNext() && out.size() < indices.size()) {
        DecodedFrame f = frames.next();
        int index = f.task().frameIndex();
        if (f.isOk() && indices.contains(index)) {
          out.put(index, toBufferedImage(f.image()));
        }
        if (index >= last) {
          break;
        }
      }
      // stopped early: the range's iterator holds an FFmpeg grabber until closed
      if (frames instanceof AutoCloseable open) {
        try {
          open.close();
        } catch (Exception e) {
          // nothing left to read from it
        }
      }
    }
    return out;
  }

  /** Packed RGB bytes as a Java2D image. */
  static BufferedImage toBufferedImage(RgbImage rgb) {
    BufferedImage img = new BufferedImage(rgb.width(), rgb.height(), BufferedImage.TYPE_INT_RGB);
    int[] pixels = new int[rgb.width() * rgb.height()];
    byte[] b = rgb.rgb();
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (b[i * 3] & 0xff) << 16 | (b[i * 3 + 1] & 0xff) << 8 | (b[i * 3 + 2] & 0xff);
    }
    img.setRGB(0, 0, rgb.width(), rgb.height(), pixels, 0, rgb.width());
    return img;
  }
}

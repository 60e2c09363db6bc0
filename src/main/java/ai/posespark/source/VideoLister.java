package ai.posespark.source;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The tasks of an {@code input.kind: video} job. Folders and globs give video files (by extension,
 * {@link #VIDEO_EXTENSIONS}) and image files; a file named explicitly is always taken, as a video unless its
 * extension is an image's. Videos are probed in a Spark job ({@link VideoProbe}: packets only, so thousands probe
 * in parallel on the executors) and split into keyframe-aligned ranges ({@link VideoRanges}). Images whose
 * folder's listed images all have numbered names ({@code 000042.jpg}, the PoseTrack layout) are the frames of
 * that folder's video: frame index = the number, the URI stays the image's (so evaluation by file name works),
 * no timestamp; other images are single frames as in an images job.
 */
public final class VideoLister {
  /** Extensions taken as videos from folders and globs. */
  public static final Set<String> VIDEO_EXTENSIONS = Set.of("mp4", "m4v", "mov", "avi", "mkv", "webm", "mpg",
      "mpeg", "ts", "mts", "m2ts", "wmv", "flv", "3gp", "ogv");
  private static final Pattern NUMBER = Pattern.compile("\\d{1,9}");

  private VideoLister() {}

  /** A video file to probe. */
  public record VideoFile(String uri, long bytes) implements Serializable {}

  /**
   * What the paths hold before probing.
   *
   * @param videos video files
   * @param frames image frames, as tasks
   */
  public record Listing(List<VideoFile> videos, List<FrameTask> frames) {}

  /**
   * All tasks of the paths, sorted by URI and first frame: video ranges, frames of numbered-image folders,
   * single images.
   *
   * @param framesPerTask target sampled frames per video range
   * @param stride        every {@code stride}-th frame by the video's own index is sampled (numbered images too)
   */
  public static List<FrameTask> tasks(JavaSparkContext jsc, List<String> paths, HadoopConf conf, int framesPerTask,
                                      int stride) throws IOException {
    Listing listing = list(paths, conf.get(), stride);
    List<FrameTask> tasks = new ArrayList<>(listing.frames());
    for (VideoIndex video : probe(jsc, listing.videos(), conf)) {
      tasks.addAll(VideoRanges.split(video, framesPerTask, stride));
    }
    tasks.sort(Comparator.comparing(FrameTask::uri).thenComparingInt(FrameTask::frameIndex));
    return tasks;
  }

  /** Lists {@code paths}; fails naming the path when one matches nothing. */
  public static Listing list(List<String> paths, Configuration conf, int stride) throws IOException {
    List<VideoFile> videos = new ArrayList<>();
    Map<Path, List<FileStatus>> imagesByFolder = new LinkedHashMap<>();
    for (FileStatus f : FrameLister.files(paths, conf, p -> FrameLister.isImage(p) || isVideo(p))) {
      if (FrameLister.isImage(f.getPath())) {
        imagesByFolder.computeIfAbsent(f.getPath().getParent(), k -> new ArrayList<>()).add(f);
      } else {
        videos.add(new VideoFile(f.getPath().toString(), f.getLen()));
      }
    }
    List<FrameTask> frames = new ArrayList<>();
    for (List<FileStatus> folder : imagesByFolder.values()) {
      boolean numbered = folder.stream().allMatch(f -> NUMBER.matcher(stem(f.getPath())).matches());
      for (FileStatus f : folder) {
        String uri = f.getPath().toString();
        int index = numbered ? Integer.parseInt(stem(f.getPath())) : 0;
        if (!numbered || index % stride == 0) {
          frames.add(new FrameTask(uri, index, FrameIds.of(uri, index), f.getLen()));
        }
      }
    }
    return new Listing(videos, frames);
  }

  /** Probes {@code videos} as a Spark job, one small task per few videos. */
  public static List<VideoIndex> probe(JavaSparkContext jsc, List<VideoFile> videos, HadoopConf conf) {
    if (videos.isEmpty()) {
      return List.of();
    }
    int slices = Math.min(videos.size(), Math.max(1, jsc.defaultParallelism() * 4));
    jsc.setJobDescription("probe " + videos.size() + " videos");
    try {
      return jsc.parallelize(videos, slices).map(v -> VideoProbe.probe(v.uri(), v.bytes(), conf.get())).collect();
    } finally {
      jsc.setJobDescription(null);
    }
  }

  static boolean isVideo(Path p) {
    return VIDEO_EXTENSIONS.contains(FrameLister.extension(p));
  }

  private static String stem(Path p) {
    String name = p.getName();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}

package ai.posespark.jobfile;

import ai.posespark.decode.ImageLimits;
import ai.posespark.source.FrameLister;
import java.util.List;
import java.util.Locale;

/**
 * Job key {@code input}.
 *
 * @param paths             files, folders or globs (local paths, {@code file:}, {@code hdfs://}, {@code s3a://});
 *                          for {@code kind: results} the one results JSON to evaluate
 * @param kind              what the paths hold
 * @param annotations       optional ground truth for evaluation
 * @param annotationsFormat {@code coco | mpii | aic | posetrack}; null means detect from the file
 * @param detections        COCO detection results file for {@code model.detector: file} (top-down)
 * @param extensions        image file extensions folders and globs take (lower case, no dot); others are skipped
 *                          and reported
 * @param maxPixels         images declaring more pixels get an error row, refused before decoding
 * @param maxDecodePixels   larger images are decoded subsampled to at most this many pixels
 * @param maxFileBytes      larger image files get an error row without being read
 * @param decodeTimeoutMs   a frame still decoding after this many milliseconds gets an error row; the task goes on
 * @param reducedDecode     whole-frame pipelines decode a JPEG far larger than the model input at 1/2, 1/4 or 1/8 in
 *                          the DCT domain (still at least the input's size); default true
 * @param listing           where {@code kind: images} inputs are listed and planned: on the driver, on the
 *                          executors (the driver's memory stays flat in the number of files), or {@code auto}
 */
public record InputSpec(List<String> paths, Kind kind, String annotations, String annotationsFormat,
                        String detections, List<String> extensions, Long maxPixels, Long maxDecodePixels,
                        Long maxFileBytes, Long decodeTimeoutMs, Boolean reducedDecode, Listing listing)
    implements java.io.Serializable {

  public InputSpec {
    paths = paths == null ? List.of() : List.copyOf(paths);
    kind = kind == null ? Kind.IMAGES : kind;
    extensions = extensions == null ? List.copyOf(FrameLister.IMAGE_EXTENSIONS)
        : extensions.stream().map(e -> e == null ? "" : e.replaceFirst("^\\.", "").toLowerCase(Locale.ROOT))
        .toList();
    maxPixels = maxPixels == null ? ImageLimits.DEFAULT_MAX_PIXELS : maxPixels;
    maxDecodePixels = maxDecodePixels == null ? ImageLimits.DEFAULT_MAX_DECODE_PIXELS : maxDecodePixels;
    maxFileBytes = maxFileBytes == null ? ImageLimits.DEFAULT_MAX_FILE_BYTES : maxFileBytes;
    decodeTimeoutMs = decodeTimeoutMs == null ? ImageLimits.DEFAULT_DECODE_TIMEOUT_MS : decodeTimeoutMs;
    reducedDecode = reducedDecode == null || reducedDecode;
    listing = listing == null ? Listing.AUTO : listing;
  }

  /** What decoding one frame may cost. */
  public ImageLimits limits() {
    return new ImageLimits(maxPixels, maxDecodePixels, maxFileBytes, decodeTimeoutMs);
  }

  /** Key {@code input.listing}: who lists the image files and plans their partitions. */
  public enum Listing {
    /** The executors when the inputs split into many folders (Spark's discovery threshold), else the driver. */
    @com.fasterxml.jackson.annotation.JsonProperty("auto") AUTO,
    /** The driver lists every file and balances partitions exactly by bytes: fine up to some 100,000 files. */
    @com.fasterxml.jackson.annotation.JsonProperty("driver") DRIVER,
    /** The executors list the folders and a shuffle plans the partitions: no per-file state on the driver. */
    @com.fasterxml.jackson.annotation.JsonProperty("executors") EXECUTORS
  }

  /** What {@code input.paths} holds. */
  public enum Kind {
    @com.fasterxml.jackson.annotation.JsonProperty("images") IMAGES,
    @com.fasterxml.jackson.annotation.JsonProperty("video") VIDEO,
    @com.fasterxml.jackson.annotation.JsonProperty("results") RESULTS,
    /** COCO-style annotations ({@code input.annotations}) and their images: fine-tune {@code model.pose}. */
    @com.fasterxml.jackson.annotation.JsonProperty("train") TRAIN
  }
}

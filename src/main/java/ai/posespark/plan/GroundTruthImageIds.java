package ai.posespark.plan;

import ai.posespark.data.AnnotationFormat;
import ai.posespark.data.FileNameIndex;
import ai.posespark.data.ImageInfo;
import ai.posespark.eval.GroundTruth;
import ai.posespark.sink.ResultsJsonWriter;
import ai.posespark.source.FrameTask;
import ai.posespark.source.ListingReport;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/** Picks the image ids {@code results.json} uses, so other tools can score it against the same ground truth. */
public final class GroundTruthImageIds {
  private GroundTruthImageIds() {}

  /**
   * COCO image ids for results.json ({@link ResultsJsonWriter#imageId}).
   *
   * @param index the ground truth's file names ({@link #index}), or null
   */
  public static ResultsJsonWriter.ImageIdResolver resolver(FileNameIndex index) {
    return (uri, frameId) -> ResultsJsonWriter.imageId(index, uri, frameId);
  }

  /** The file name → image id index of a COCO or AIC ground truth; null for none or another format. */
  public static FileNameIndex index(GroundTruth gt) {
    if (gt == null || (gt.format() != AnnotationFormat.COCO && gt.format() != AnnotationFormat.AIC)) {
      return null;
    }
    return FileNameIndex.of(gt.coco());
  }

  /** Counts in {@code listing} the ground-truth images (COCO-like) that none of {@code tasks} is. */
  public static void reportUnlisted(GroundTruth gt, List<FrameTask> tasks, ListingReport listing) {
    if (gt == null || gt.coco() == null) {
      return;
    }
    FileNameIndex index = FileNameIndex.of(gt.coco());
    Set<Long> listed = new HashSet<>();
    for (FrameTask t : tasks) {
      Long id = index.lookup(t.uri());
      if (id != null) {
        listed.add(id);
      }
    }
    reportUnlisted(gt, listed, listing);
  }

  /**
   * {@link #reportUnlisted(GroundTruth, List, ListingReport)} for files listed on the executors ({@code uris}: a
   * {@code uri} column): the index goes out with the tasks, and only the distinct ground-truth ids found come back
   * (at most the ground truth's images).
   */
  public static void reportUnlisted(GroundTruth gt, Dataset<Row> uris, ListingReport listing) {
    if (gt == null || gt.coco() == null) {
      return;
    }
    FileNameIndex index = FileNameIndex.of(gt.coco());
    Set<Long> listed = new HashSet<>(uris.select("uri").as(Encoders.STRING())
        .mapPartitions((MapPartitionsFunction<String, Long>) it -> {
          Set<Long> found = new HashSet<>();
          it.forEachRemaining(uri -> {
            Long id = index.lookup(uri);
            if (id != null) {
              found.add(id);
            }
          });
          return found.iterator();
        }, Encoders.LONG()).distinct().collectAsList());
    reportUnlisted(gt, listed, listing);
  }

  private static void reportUnlisted(GroundTruth gt, Set<Long> listed, ListingReport listing) {
    for (ImageInfo im : gt.coco().images()) {
      if (!listed.contains(im.id())) {
        listing.annotatedNotListed(im.fileName());
      }
    }
  }
}

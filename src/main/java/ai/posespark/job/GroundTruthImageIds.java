package ai.posespark.job;

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

/** Picks the image ids {@code results.json} uses, so other tools can score it against the same ground truth. */
final class GroundTruthImageIds {
  private GroundTruthImageIds() {}

  /**
   * COCO image ids for results.json ({@link ResultsJsonWriter#imageId}).
   *
   * @param index the ground truth's file names ({@link #index}), or null
   */
  static ResultsJsonWriter.ImageIdResolver resolver(FileNameIndex index) {
    return (uri, frameId) -> ResultsJsonWriter.imageId(index, uri, frameId);
  }

  /** The file name → image id index of a COCO or AIC ground truth; null for none or another format. */
  static FileNameIndex index(GroundTruth gt) {
    if (gt == null || (gt.format() != AnnotationFormat.COCO && gt.format() != AnnotationFormat.AIC)) {
      return null;
    }
    return FileNameIndex.of(gt.coco());
  }

  /** Counts in {@code listing} the ground-truth images (COCO-like) that none of {@code tasks} is. */
  static void reportUnlisted(GroundTruth gt, List<FrameTask> tasks, ListingReport listing) {
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
    for (ImageInfo im : gt.coco().images()) {
      if (!listed.contains(im.id())) {
        listing.annotatedNotListed(im.fileName());
      }
    }
  }
}

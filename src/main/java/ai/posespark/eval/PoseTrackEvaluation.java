package ai.posespark.eval;

import ai.posespark.data.AnnotationFormatException;
import ai.posespark.data.FileNameIndex;
import ai.posespark.data.ImageInfo;
import ai.posespark.data.PersonAnnotation;
import ai.posespark.data.PoseTrack15;
import ai.posespark.data.PoseTrackDataset;
import ai.posespark.data.PoseTrackFrame;
import ai.posespark.sink.Columns;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import scala.Tuple2;

/**
 * PoseTrack evaluation of the job's persons table, as poseval ({@code evaluate.py --evalPoseTracking
 * --evalPoseEstimation}) computes it: sequences are videos ({@code vid_id}), evaluated frames are the ground-truth
 * images with at least one annotated person, in {@code frame_id} order; persons are matched to frames by file name
 * (as every evaluator here). Each sequence is evaluated on an executor ({@link PoseTrackSequence#evaluate}); the
 * counts are merged on the driver in sequence order.
 */
public final class PoseTrackEvaluation {
  private PoseTrackEvaluation() {}

  /**
   * Evaluates {@code persons} against PoseTrack18 ground truth.
   *
   * @param minKeypointScore predicted keypoints scoring below are not submitted (poseval scores every submitted
   *                         joint, so a threshold is what PoseTrack entries apply, e.g. PoseFlow's {@code --drop})
   * @param unmatched        counts persons of frames that are not evaluated frames
   */
  public static PoseTrackMetrics evaluatePersons(SparkSession spark, Dataset<Row> persons, PoseTrackDataset gt,
      double minKeypointScore, PoseTrackRules rules, LongAccumulator unmatched) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    List<PoseTrackSequence> sequences = sequences(gt);
    Map<Long, String> fileNames = new HashMap<>();
    gt.coco().images().forEach(im -> fileNames.put(im.id(), im.fileName()));
    FileNameIndex index = new FileNameIndex();
    Map<Long, int[]> where = new HashMap<>();
    for (int s = 0; s < sequences.size(); s++) {
      List<PoseTrackSequence.Frame> frames = sequences.get(s).frames();
      for (int f = 0; f < frames.size(); f++) {
        long id = frames.get(f).imageId();
        index.put(fileNames.get(id), id);
        where.put(id, new int[] {s, f});
      }
    }
    Broadcast<FileNameIndex> bIndex = jsc.broadcast(index);
    Broadcast<Map<Long, int[]>> bWhere = jsc.broadcast(where);
    LongAccumulator coco = spark.sparkContext().longAccumulator("posetrack persons with COCO-17 keypoints");
    JavaPairRDD<Integer, Tuple2<int[], PoseTrackPose>> preds = persons
        .select(Columns.URI, Columns.PERSON_INDEX, Columns.KEYPOINTS, Columns.TRACK_ID).javaRDD().flatMapToPair(row -> {
          Long imageId = bIndex.value().lookup(row.getString(0));
          if (imageId == null) {
            unmatched.add(1);
            return Collections.emptyIterator();
          }
          int[] at = bWhere.value().get(imageId);
          PoseTrackPose pose = prediction(row.getList(2), row.isNullAt(3) ? -1 : row.getLong(3), minKeypointScore,
              coco);
          return List.of(new Tuple2<>(at[0], new Tuple2<>(new int[] {at[1], row.getInt(1)}, pose))).iterator();
        });
    List<Tuple2<Integer, PoseTrackSequence>> keyed = new ArrayList<>();
    for (int s = 0; s < sequences.size(); s++) {
      keyed.add(new Tuple2<>(s, sequences.get(s)));
    }
    List<Tuple2<Integer, PoseTrackCounts>> perSequence = new ArrayList<>(jsc.parallelizePairs(keyed)
        .cogroup(preds)
        .mapValues(group -> {
          PoseTrackSequence seq = group._1().iterator().next();
          List<Tuple2<int[], PoseTrackPose>> rows = new ArrayList<>();
          group._2().forEach(rows::add);
          return seq.evaluate(byFrame(seq.frames().size(), rows), rules);
        })
        .collect());
    perSequence.sort(Comparator.comparingInt(Tuple2::_1));
    PoseTrackCounts total = new PoseTrackCounts();
    perSequence.forEach(t -> total.merge(t._2()));
    return PoseTrackMetrics.of(total, rules, coco.value() > 0);
  }

  /** Per frame its predictions in {@code person_index} order. */
  private static List<List<PoseTrackPose>> byFrame(int frames, List<Tuple2<int[], PoseTrackPose>> rows) {
    rows.sort(Comparator.comparingInt((Tuple2<int[], PoseTrackPose> t) -> t._1()[0])
        .thenComparingInt(t -> t._1()[1]));
    List<List<PoseTrackPose>> out = new ArrayList<>();
    for (int f = 0; f < frames; f++) {
      out.add(new ArrayList<>());
    }
    rows.forEach(t -> out.get(t._1()[0]).add(t._2()));
    return out;
  }

  /**
   * The evaluated sequences of a PoseTrack18 ground truth: per video, its images with at least one annotation
   * (poseval's {@code cleanupData}), ordered by {@code frame_id}, then file order.
   *
   * @throws AnnotationFormatException when an annotation has no {@code track_id}
   */
  public static List<PoseTrackSequence> sequences(PoseTrackDataset gt) {
    List<String> names = gt.coco().keypointNames();
    Map<Long, List<PersonAnnotation>> byImage = new HashMap<>();
    for (PersonAnnotation a : gt.coco().annotations()) {
      byImage.computeIfAbsent(a.imageId(), k -> new ArrayList<>()).add(a);
    }
    Map<String, List<ImageInfo>> byVideo = new LinkedHashMap<>();
    for (ImageInfo im : gt.coco().images()) {
      if (byImage.containsKey(im.id())) {
        byVideo.computeIfAbsent(video(im, gt.frames().get(im.id())), k -> new ArrayList<>()).add(im);
      }
    }
    List<PoseTrackSequence> out = new ArrayList<>();
    byVideo.forEach((video, images) -> {
      images.sort(Comparator.comparingLong(im -> frameId(gt.frames().get(im.id()))));
      List<PoseTrackSequence.Frame> frames = new ArrayList<>();
      for (ImageInfo im : images) {
        List<PoseTrackPose> people = new ArrayList<>();
        for (PersonAnnotation a : byImage.get(im.id())) {
          people.add(groundTruth(a, names, gt.headBoxes().get(a.id()), gt.coco().source()));
        }
        PoseTrackFrame info = gt.frames().get(im.id());
        frames.add(new PoseTrackSequence.Frame(im.id(), people, info == null ? List.of() : info.ignoreRegions()));
      }
      out.add(new PoseTrackSequence(video, frames));
    });
    return out;
  }

  /**
   * A ground-truth person on the 15 joints: a keypoint is annotated unless it is {@code (0, 0, v = 0)} (poseval's
   * converter drops exactly those); head size 0.6 × the {@code bbox_head} diagonal.
   */
  static PoseTrackPose groundTruth(PersonAnnotation a, List<String> names, double[] headBox, String source) {
    if (a.trackId() == null) {
      throw new AnnotationFormatException(source, "annotations (id " + a.id() + ")", "track_id",
          "missing: the posetrack metric follows ground-truth tracks");
    }
    double[] x = new double[PoseTrack15.K], y = new double[PoseTrack15.K];
    boolean[] present = new boolean[PoseTrack15.K];
    double[] kp = a.keypoints();
    for (int k = 0; k < a.keypointCount() && k < names.size(); k++) {
      int j = PoseTrack15.joint(names.get(k));
      if (j >= 0 && !(kp[3 * k] == 0 && kp[3 * k + 1] == 0 && kp[3 * k + 2] == 0)) {
        x[j] = kp[3 * k];
        y[j] = kp[3 * k + 1];
        present[j] = true;
      }
    }
    double head = headBox == null ? Double.NaN : 0.6 * Math.hypot(headBox[2], headBox[3]);
    return new PoseTrackPose(a.trackId(), x, y, present, new double[PoseTrack15.K], head);
  }

  /**
   * A predicted person on the 15 joints from the persons table's {@code keypoints}: joints by name, COCO-17's head
   * approximated ({@link PoseTrack15#approximateHead}); a joint is submitted when it scores at least
   * {@code minKeypointScore}.
   */
  static PoseTrackPose prediction(List<Row> keypoints, long trackId, double minKeypointScore, LongAccumulator coco) {
    double[] x = new double[PoseTrack15.K], y = new double[PoseTrack15.K], score = new double[PoseTrack15.K];
    boolean[] has = new boolean[PoseTrack15.K];
    List<String> names = new ArrayList<>(keypoints.size());
    double[] cx = new double[keypoints.size()], cy = new double[cx.length], cs = new double[cx.length];
    for (int k = 0; k < keypoints.size(); k++) {
      Row p = keypoints.get(k);
      names.add(p.getAs(Columns.NAME));
      cx[k] = ((Number) p.getAs(Columns.X)).doubleValue();
      cy[k] = ((Number) p.getAs(Columns.Y)).doubleValue();
      Object s = p.getAs(Columns.SCORE);
      cs[k] = s == null ? 0 : ((Number) s).doubleValue();
      int j = PoseTrack15.joint(names.get(k));
      if (j >= 0) {
        x[j] = cx[k];
        y[j] = cy[k];
        score[j] = cs[k];
        has[j] = true;
      }
    }
    if (PoseTrack15.isCoco(names)) {
      PoseTrack15.approximateHead(cx, cy, cs, x, y, score);
      has[PoseTrack15.HEAD_BOTTOM] = true;
      has[PoseTrack15.HEAD_TOP] = true;
      if (coco != null) {
        coco.add(1);
      }
    }
    boolean[] present = new boolean[PoseTrack15.K];
    for (int j = 0; j < PoseTrack15.K; j++) {
      present[j] = has[j] && score[j] >= minKeypointScore;
    }
    return new PoseTrackPose(trackId, x, y, present, score, Double.NaN);
  }

  private static String video(ImageInfo im, PoseTrackFrame info) {
    if (info != null && !info.videoId().isEmpty()) {
      return info.videoId();
    }
    String name = im.fileName();
    int slash = name.lastIndexOf('/');
    return slash < 0 ? "" : name.substring(0, slash);
  }

  private static long frameId(PoseTrackFrame info) {
    return info == null ? 0 : info.frameId();
  }
}

package ai.posespark.sink;

import ai.posespark.pose.Keypoint;
import ai.posespark.pose.Person;
import ai.posespark.source.FrameTask;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * What inference produced for one frame — people, or the reason it failed — with its milliseconds per stage.
 *
 * @param task    the frame
 * @param width   decoded width (null when decoding failed)
 * @param height  decoded height
 * @param error   null when the frame is ok, else the reason
 * @param persons people found (empty on error)
 * @param stageMs milliseconds per stage, in the order of the run's stage names ({@link OutputSchema#inference})
 * @param note    why a stage fell back on this frame (e.g. the ILP grouper hitting a bound), or null
 */
public record FrameResult(FrameTask task, Integer width, Integer height, String error, List<Person> persons,
                          double[] stageMs, String note) {
  /** {@code track_id} of a person no tracker has seen (tracking off, or a flow that flow NMS dropped). */
  public static final long UNTRACKED = -1;

  /** A frame nothing fell back on. */
  public FrameResult(FrameTask task, Integer width, Integer height, String error, List<Person> persons,
                     double[] stageMs) {
    this(task, width, height, error, persons, stageMs, null);
  }

  public static FrameResult failed(FrameTask task, String error, double[] stageMs) {
    return new FrameResult(task, null, null, error, List.of(), stageMs);
  }

  /** The row of a frame run on the CPU with no GPU assigned (tests). */
  public Row toRow(String run, String model) {
    return toRow(run, model, "cpu", null);
  }

  /**
   * The row of {@link OutputSchema#inference} for this run's stages.
   *
   * @param device   what ran the model: {@code cpu} or {@code gpu:<id>}
   * @param sparkGpu the GPU address Spark assigned the task ({@code spark.task.resource.gpu.amount}), or null
   */
  public Row toRow(String run, String model, String device, String sparkGpu) {
    List<Row> people = new ArrayList<>(persons.size());
    for (int i = 0; i < persons.size(); i++) {
      Person p = persons.get(i);
      List<Row> kps = new ArrayList<>(p.keypoints().size());
      for (Keypoint k : p.keypoints()) {
        kps.add(RowFactory.create(k.name(), k.x(), k.y(), k.score()));
      }
      Person.Detection d = p.detection();
      people.add(RowFactory.create(i, UNTRACKED, p.score(), box(p.bbox()), seq(kps), d == null ? null : box(d.box()),
          d == null ? null : d.score(), d == null ? null : d.poseScore()));
    }
    Object[] values = new Object[OutputSchema.FIXED_FRAME_FIELDS.size() + stageMs.length + 1];
    Object[] fixed = {run, task.frameId(), task.uri(), task.frameIndex(), task.timestampMs(), width, height,
        error == null ? OutputSchema.STATUS_OK : OutputSchema.STATUS_ERROR, error, note, model, device, sparkGpu,
        persons.size()};
    System.arraycopy(fixed, 0, values, 0, fixed.length);
    for (int s = 0; s < stageMs.length; s++) {
      values[fixed.length + s] = stageMs[s];
    }
    values[values.length - 1] = seq(people);
    return RowFactory.create(values);
  }

  private static Row box(Person.BoundingBox b) {
    return RowFactory.create(b.x(), b.y(), b.w(), b.h());
  }

  /** Spark's external Row type wants Scala sequences for array columns. */
  private static scala.collection.Seq<Row> seq(List<Row> rows) {
    return scala.jdk.javaapi.CollectionConverters.asScala(rows);
  }
}

package ai.posespark.sink;

import ai.posespark.pose.Keypoint;
import ai.posespark.pose.Person;
import ai.posespark.source.FrameTask;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * What inference produced for one frame — people, or the reason it failed — with per-stage times.
 *
 * @param task    the frame
 * @param width   decoded width (null when decoding failed)
 * @param height  decoded height
 * @param error   null when the frame is ok, else the reason
 * @param persons people found (empty on error)
 * @param times   milliseconds per stage
 */
public record FrameResult(FrameTask task, Integer width, Integer height, String error, List<Person> persons,
                          StageTimes times) {

  /** Milliseconds spent per stage on this frame (batch stages are shared equally by the batch's frames). */
  public record StageTimes(double read, double decode, double preprocess, double inference, double postprocess) {
    public static final StageTimes ZERO = new StageTimes(0, 0, 0, 0, 0);
  }

  public static FrameResult failed(FrameTask task, String error, StageTimes times) {
    return new FrameResult(task, null, null, error, List.of(), times);
  }

  /** The row of {@link OutputSchema#INFERENCE}. */
  public Row toRow(String run, String model) {
    List<Row> people = new ArrayList<>(persons.size());
    for (int i = 0; i < persons.size(); i++) {
      Person p = persons.get(i);
      List<Row> kps = new ArrayList<>(p.keypoints().size());
      for (Keypoint k : p.keypoints()) {
        kps.add(RowFactory.create(k.name(), k.x(), k.y(), k.score()));
      }
      Person.BoundingBox b = p.bbox();
      people.add(RowFactory.create(i, null, p.score(), RowFactory.create(b.x(), b.y(), b.w(), b.h()), seq(kps)));
    }
    return RowFactory.create(run, task.frameId(), task.uri(), task.frameIndex(), null, width, height,
        error == null ? OutputSchema.STATUS_OK : OutputSchema.STATUS_ERROR, error, model, persons.size(),
        times.read(), times.decode(), times.preprocess(), times.inference(), times.postprocess(), seq(people));
  }

  /** Spark's external Row type wants Scala sequences for array columns. */
  private static scala.collection.Seq<Row> seq(List<Row> rows) {
    return scala.jdk.javaapi.CollectionConverters.asScala(rows);
  }
}

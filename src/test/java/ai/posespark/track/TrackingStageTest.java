package ai.posespark.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import ai.posespark.pose.Person;
import ai.posespark.run.SparkTestSession;
import ai.posespark.sink.FrameResult;
import ai.posespark.sink.OutputSchema;
import ai.posespark.source.FrameIds;
import ai.posespark.source.FrameTask;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * Tracking as a Spark stage over inference rows that came from several tasks: a sequence's frames, shuffled over
 * four partitions, regroup by sequence and get the ids one tracker gives; a folder of unrelated images is left alone.
 */
class TrackingStageTest {
  private static final List<String> STAGES = List.of("read", "decode");

  private static Row row(String uri, int frame, List<Person> people) {
    FrameTask task = new FrameTask(uri, frame, FrameIds.of(uri, frame), 0);
    return new FrameResult(task, 640, 480, null, people, new double[STAGES.size()]).toRow("t", "m");
  }

  @Test
  void idsFollowPeopleAcrossTasksAndSequences() {
    SparkSession spark = SparkTestSession.get();
    List<Row> rows = new ArrayList<>();
    Map<String, Integer> walkerOf = new HashMap<>(); // "<sequence>/<frame>/<person>" → walker
    for (String seq : List.of("a", "b")) {
      for (int f = 0; f < 30; f++) {
        // two walkers crossing, one a little lower (a depth offset, as in the tracker's own crossing test)
        Person right = Figures.at(100 + 12 * f, 100);
        Person left = Figures.at(460 - 12 * f, 140);
        boolean swap = f % 2 == 1; // list order must not matter
        rows.add(row("file:/videos/" + seq + "/" + String.format("%06d", f) + ".jpg", f,
            swap ? List.of(left, right) : List.of(right, left)));
        walkerOf.put(seq + "/" + f + "/" + (swap ? 1 : 0), 0);
        walkerOf.put(seq + "/" + f + "/" + (swap ? 0 : 1), 1);
      }
    }
    rows.add(row("file:/photos/x.jpg", 0, List.of(Figures.at(10, 10))));
    rows.add(row("file:/photos/y.jpg", 0, List.of(Figures.at(10, 10))));
    Collections.shuffle(rows, new Random(7));
    Dataset<Row> inference = spark.createDataFrame(spark.sparkContext().parallelize(
        scala.jdk.javaapi.CollectionConverters.asScala(rows).toSeq(), 4,
        scala.reflect.ClassTag$.MODULE$.apply(Row.class)), OutputSchema.inference(STAGES));
    List<Row> tracked = TrackingStage.apply(inference, TrackingSettings.DEFAULTS, 1).collectAsList();
    assertEquals(rows.size(), tracked.size(), "every frame row comes back once");
    Map<String, Long> idOf = new HashMap<>(); // "<sequence>/<walker>" → id
    for (Row r : tracked) {
      String uri = r.getString(r.fieldIndex("uri"));
      List<Row> people = r.getList(r.fieldIndex("persons"));
      if (uri.contains("/photos/")) {
        assertEquals(FrameResult.UNTRACKED, people.get(0).getLong(1), "plain images are not a sequence");
        continue;
      }
      String seq = uri.substring("file:/videos/".length(), "file:/videos/".length() + 1);
      int frame = r.getInt(r.fieldIndex("frame_index"));
      for (int i = 0; i < people.size(); i++) {
        long id = people.get(i).getLong(1);
        String walker = seq + "/" + walkerOf.get(seq + "/" + frame + "/" + i);
        Long before = idOf.putIfAbsent(walker, id);
        assertEquals(before == null ? id : before, id, walker + " keeps its id at frame " + frame);
      }
    }
    assertNotEquals(idOf.get("a/0"), idOf.get("a/1"), "two walkers, two ids");
    assertEquals(4, idOf.size());
  }
}

package ai.posespark.track;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.when;

import ai.posespark.pose.Person;
import ai.posespark.sink.Columns;
import ai.posespark.sink.PersonRows;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.encoders.ExpressionEncoder;
import org.apache.spark.sql.types.StructType;

/**
 * Tracking as a Spark stage after inference: a video's frames may have been estimated by many tasks, so the
 * inference rows are regrouped by video ({@code uri} for a video file's frames, which carry timestamps; the folder
 * for a folder of frames), each video's rows sorted by {@code frame_index} and handed to one
 * {@link PoseFlowTracker}, whose ids go to the persons' {@code track_id}. A folder whose frames repeat a frame index
 * (plain images, not a sequence) is left untracked. Memory: one video's rows at a time.
 */
public final class TrackingStage {
  private static final String VIDEO = "__video";

  private TrackingStage() {}

  /**
   * {@code inference} rows with every person's {@code track_id} set per video.
   *
   * @param frameStride the job's frame sampling, so the tracker counts its look-back in sampled frames
   */
  public static Dataset<Row> apply(Dataset<Row> inference, TrackingSettings settings, int frameStride) {
    StructType schema = inference.schema();
    Dataset<Row> keyed = inference.withColumn(VIDEO, when(col(Columns.TIMESTAMP_MS).isNotNull(), col(Columns.URI))
        .otherwise(regexp_replace(col(Columns.URI), "/[^/]*$", "")));
    Dataset<Row> sorted = keyed.repartition(col(VIDEO)).sortWithinPartitions(col(VIDEO), col(Columns.FRAME_INDEX),
        col(Columns.URI));
    int videoIndex = keyed.schema().fieldIndex(VIDEO);
    int frameIndex = schema.fieldIndex(Columns.FRAME_INDEX);
    int personsIndex = schema.fieldIndex(Columns.PERSONS);
    MapPartitionsFunction<Row, Row> track = rows -> new VideoIterator(rows, settings, frameStride, videoIndex,
        frameIndex, personsIndex, schema.size());
    return sorted.mapPartitions(track, ExpressionEncoder.apply(schema));
  }

  /** Rows of one partition, one video at a time: a video's rows are buffered, tracked and emitted in order. */
  private static final class VideoIterator implements Iterator<Row> {
    private final Iterator<Row> rows;
    private final TrackingSettings settings;
    private final int stride;
    private final int video;
    private final int frame;
    private final int persons;
    private final int width;
    private Row pending;
    private Iterator<Row> out = List.<Row>of().iterator();

    VideoIterator(Iterator<Row> rows, TrackingSettings settings, int stride, int video, int frame, int persons,
                  int width) {
      this.rows = rows;
      this.settings = settings;
      this.stride = stride;
      this.video = video;
      this.frame = frame;
      this.persons = persons;
      this.width = width;
    }

    @Override
    public boolean hasNext() {
      while (!out.hasNext() && (pending != null || rows.hasNext())) {
        List<Row> one = new ArrayList<>();
        Row first = pending != null ? pending : rows.next();
        pending = null;
        one.add(first);
        while (rows.hasNext()) {
          Row r = rows.next();
          if (!r.getString(video).equals(first.getString(video))) {
            pending = r;
            break;
          }
          one.add(r);
        }
        out = track(one).iterator();
      }
      return out.hasNext();
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return out.next();
    }

    /** One video's rows (sorted by frame) with track ids, the helper column dropped. */
    private List<Row> track(List<Row> video) {
      List<TrackFrame> frames = new ArrayList<>(video.size());
      Set<Integer> indices = new HashSet<>();
      for (Row r : video) {
        if (!indices.add(r.getInt(frame))) {
          return strip(video, width);
        }
        List<Person> people = new ArrayList<>();
        for (Row p : r.<Row>getList(persons)) {
          people.add(PersonRows.person(p));
        }
        frames.add(new TrackFrame(r.getInt(frame), people));
      }
      long[][] ids = new PoseFlowTracker(settings).track(frames, stride);
      List<Row> tracked = new ArrayList<>(video.size());
      for (int f = 0; f < video.size(); f++) {
        Row r = video.get(f);
        Object[] values = values(r, width);
        List<Person> people = frames.get(f).people();
        List<Row> withIds = new ArrayList<>(people.size());
        for (int i = 0; i < people.size(); i++) {
          withIds.add(PersonRows.toRow(i, ids[f][i], people.get(i)));
        }
        values[persons] = PersonRows.seq(withIds);
        tracked.add(RowFactory.create(values));
      }
      return tracked;
    }
  }

  /** Rows as they came, without the helper column. */
  private static List<Row> strip(List<Row> rows, int width) {
    List<Row> out = new ArrayList<>(rows.size());
    for (Row r : rows) {
      out.add(RowFactory.create(values(r, width)));
    }
    return out;
  }

  /** The first {@code width} values of {@code r}, to build a changed copy. */
  private static Object[] values(Row r, int width) {
    Object[] values = new Object[width];
    for (int c = 0; c < width; c++) {
      values[c] = r.get(c);
    }
    return values;
  }
}

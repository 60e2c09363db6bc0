package ai.posespark.sink;

import static ai.posespark.sink.Columns.BBOX;
import static ai.posespark.sink.Columns.DET_BBOX;
import static ai.posespark.sink.Columns.DET_SCORE;
import static ai.posespark.sink.Columns.KEYPOINTS;
import static ai.posespark.sink.Columns.PERSON_INDEX;
import static ai.posespark.sink.Columns.POSE_SCORE;
import static ai.posespark.sink.Columns.SCORE;
import static ai.posespark.sink.Columns.TRACK_ID;
import static org.apache.spark.sql.types.DataTypes.FloatType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createStructField;
import static org.apache.spark.sql.types.DataTypes.createStructType;

import ai.posespark.pose.Keypoint;
import ai.posespark.pose.Person;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/**
 * A person as a row, both ways: the struct inside an inference row's {@code persons} array, whose fields are also
 * the {@code persons/} table's columns after the frame key. Inference writes people with {@link #toRow}; tracking
 * reads them back with {@link #person} and writes them again with their track ids.
 */
public final class PersonRows {
  private PersonRows() {}

  /** {@code track_id} of a person no tracker has seen (tracking off, or a flow that flow NMS dropped). */
  public static final long UNTRACKED = -1;

  public static final StructType BOX = createStructType(List.of(
      createStructField(Columns.X, FloatType, false), createStructField(Columns.Y, FloatType, false),
      createStructField(Columns.W, FloatType, false), createStructField(Columns.H, FloatType, false)));

  public static final StructType KEYPOINT = createStructType(List.of(
      createStructField(Columns.NAME, StringType, false), createStructField(Columns.X, FloatType, false),
      createStructField(Columns.Y, FloatType, false), createStructField(SCORE, FloatType, false)));

  /** One person; the last three fields are set by top-down pipelines only. */
  public static final StructType PERSON = createStructType(List.of(
      createStructField(PERSON_INDEX, IntegerType, false),
      createStructField(TRACK_ID, LongType, true),
      createStructField(SCORE, FloatType, false),
      createStructField(BBOX, BOX, false),
      createStructField(KEYPOINTS, createArrayType(KEYPOINT, false), false),
      createStructField(DET_BBOX, BOX, true),
      createStructField(DET_SCORE, FloatType, true),
      createStructField(POSE_SCORE, FloatType, true)));

  private static final int INDEX = PERSON.fieldIndex(PERSON_INDEX);
  private static final int TRACK = PERSON.fieldIndex(TRACK_ID);
  private static final int PERSON_SCORE = PERSON.fieldIndex(SCORE);
  private static final int BOX_AT = PERSON.fieldIndex(BBOX);
  private static final int KEYPOINTS_AT = PERSON.fieldIndex(KEYPOINTS);
  private static final int DET_BOX_AT = PERSON.fieldIndex(DET_BBOX);
  private static final int DET_SCORE_AT = PERSON.fieldIndex(DET_SCORE);
  private static final int POSE_SCORE_AT = PERSON.fieldIndex(POSE_SCORE);

  /** The struct of person {@code p}, {@code personIndex}th of its frame, with track id {@code trackId}. */
  public static Row toRow(int personIndex, long trackId, Person p) {
    List<Row> kps = new ArrayList<>(p.keypoints().size());
    for (Keypoint k : p.keypoints()) {
      kps.add(RowFactory.create(k.name(), k.x(), k.y(), k.score()));
    }
    Person.Detection d = p.detection();
    Object[] values = new Object[PERSON.size()];
    values[INDEX] = personIndex;
    values[TRACK] = trackId;
    values[PERSON_SCORE] = p.score();
    values[BOX_AT] = box(p.bbox());
    values[KEYPOINTS_AT] = seq(kps);
    values[DET_BOX_AT] = d == null ? null : box(d.box());
    values[DET_SCORE_AT] = d == null ? null : d.score();
    values[POSE_SCORE_AT] = d == null ? null : d.poseScore();
    return RowFactory.create(values);
  }

  /** The people of one frame, in order, untracked. */
  public static List<Row> toRows(List<Person> persons) {
    List<Row> rows = new ArrayList<>(persons.size());
    for (int i = 0; i < persons.size(); i++) {
      rows.add(toRow(i, UNTRACKED, persons.get(i)));
    }
    return rows;
  }

  /** The person a {@link #PERSON} struct holds, its detection included. */
  public static Person person(Row p) {
    List<Keypoint> kps = new ArrayList<>();
    for (Row k : p.<Row>getList(KEYPOINTS_AT)) {
      kps.add(new Keypoint(k.getString(0), k.getFloat(1), k.getFloat(2), k.getFloat(3)));
    }
    Person.Detection d = p.isNullAt(DET_BOX_AT) ? null : new Person.Detection(box(p.getStruct(DET_BOX_AT)),
        p.getFloat(DET_SCORE_AT), p.getFloat(POSE_SCORE_AT));
    return new Person(p.getFloat(PERSON_SCORE), box(p.getStruct(BOX_AT)), kps, d);
  }

  /** The {@code person_index} of a {@link #PERSON} struct. */
  public static int personIndex(Row p) {
    return p.getInt(INDEX);
  }

  /** Spark's external Row type wants Scala sequences for array columns. */
  public static scala.collection.Seq<Row> seq(List<Row> rows) {
    return scala.jdk.javaapi.CollectionConverters.asScala(rows);
  }

  private static Row box(Person.BoundingBox b) {
    return RowFactory.create(b.x(), b.y(), b.w(), b.h());
  }

  private static Person.BoundingBox box(Row b) {
    return new Person.BoundingBox(b.getFloat(0), b.getFloat(1), b.getFloat(2), b.getFloat(3));
  }
}

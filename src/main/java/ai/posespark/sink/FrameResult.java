package ai.posespark.sink;

import ai.posespark.pose.Person;
import ai.posespark.source.FrameTask;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

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
  /** The frame columns, by name, that open every inference row. */
  private static final StructType FIXED = DataTypes.createStructType(OutputSchema.FIXED_FRAME_FIELDS);

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
    int fixed = FIXED.size();
    Object[] values = new Object[fixed + stageMs.length + 1];
    set(values, Columns.RUN, run);
    set(values, Columns.FRAME_ID, task.frameId());
    set(values, Columns.URI, task.uri());
    set(values, Columns.FRAME_INDEX, task.frameIndex());
    set(values, Columns.TIMESTAMP_MS, task.timestampMs());
    set(values, Columns.WIDTH, width);
    set(values, Columns.HEIGHT, height);
    set(values, Columns.STATUS, error == null ? OutputSchema.STATUS_OK : OutputSchema.STATUS_ERROR);
    set(values, Columns.ERROR, error);
    set(values, Columns.NOTE, note);
    set(values, Columns.MODEL, model);
    set(values, Columns.DEVICE, device);
    set(values, Columns.SPARK_GPU, sparkGpu);
    set(values, Columns.N_PERSONS, persons.size());
    for (int s = 0; s < stageMs.length; s++) {
      values[fixed + s] = stageMs[s];
    }
    values[values.length - 1] = PersonRows.seq(PersonRows.toRows(persons));
    return RowFactory.create(values);
  }

  private static void set(Object[] values, String column, Object value) {
    values[FIXED.fieldIndex(column)] = value;
  }
}

package ai.posespark.sink;

/**
 * The names of the output tables' columns (README, "Output"), the one place code spells them: {@link OutputSchema}
 * builds the schemas from them, {@link PersonRows} reads and writes person rows by them. SQL text (the report's
 * queries, {@code scripts/sql.sh}, docs) keeps the literal names.
 */
public final class Columns {
  private Columns() {}

  // frames/, and the frame part of an inference row
  public static final String RUN = "run";
  public static final String FRAME_ID = "frame_id";
  public static final String URI = "uri";
  public static final String FRAME_INDEX = "frame_index";
  public static final String TIMESTAMP_MS = "timestamp_ms";
  public static final String WIDTH = "width";
  public static final String HEIGHT = "height";
  public static final String STATUS = "status";
  public static final String ERROR = "error";
  public static final String NOTE = "note";
  public static final String MODEL = "model";
  public static final String DEVICE = "device";
  public static final String SPARK_GPU = "spark_gpu";
  public static final String N_PERSONS = "n_persons";
  /** The array of person structs an inference row carries before the sink splits it off. */
  public static final String PERSONS = "persons";

  // persons/, and the fields of a person struct
  public static final String PERSON_INDEX = "person_index";
  public static final String TRACK_ID = "track_id";
  public static final String SCORE = "score";
  public static final String BBOX = "bbox";
  public static final String KEYPOINTS = "keypoints";
  public static final String DET_BBOX = "det_bbox";
  public static final String DET_SCORE = "det_score";
  public static final String POSE_SCORE = "pose_score";

  // fields of a bbox struct and of a keypoint struct (which also has score)
  public static final String X = "x";
  public static final String Y = "y";
  public static final String W = "w";
  public static final String H = "h";
  public static final String NAME = "name";

  // run-folder bookkeeping: the committing chunk of every row; the inputs/ table's file versions
  public static final String CHUNK = "chunk";
  public static final String VERSION = "version";
}

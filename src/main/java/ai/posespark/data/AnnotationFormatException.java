package ai.posespark.data;

/**
 * A ground-truth or results file that cannot be read as its format requires.
 * The message always names the file, the record (array index and id where known) and the field,
 * so a user can open the file and find the offending value.
 */
public final class AnnotationFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param file   the file (URI or path as the user gave it)
   * @param record the record, e.g. {@code "annotations[12] (id 442619)"}
   * @param field  the field inside the record, e.g. {@code "keypoints"}
   * @param reason what is wrong with it
   */
  public AnnotationFormatException(String file, String record, String field, String reason) {
    super(file + ": " + record + ", field '" + field + "': " + reason);
  }

  /** A problem with the file as a whole (not valid JSON, unexpected top-level layout). */
  public AnnotationFormatException(String file, String reason, Throwable cause) {
    super(file + ": " + reason, cause);
  }
}

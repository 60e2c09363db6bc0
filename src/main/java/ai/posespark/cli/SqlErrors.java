package ai.posespark.cli;

import org.apache.spark.SparkThrowable;
import org.apache.spark.sql.AnalysisException;

/**
 * What a user's SQL got wrong, as one line: a statement Spark cannot parse or resolve ({@link AnalysisException}),
 * or one that fails while it runs ({@code [DIVIDE_BY_ZERO]}, {@code [CAST_INVALID_INPUT]}: ANSI errors are
 * {@link SparkThrowable}s, often wrapped in the task failure that carried them to the driver).
 */
final class SqlErrors {
  private SqlErrors() {}

  /** The line to print for {@code e}, or null when it is not the statement's fault. */
  static String describe(Throwable e) {
    if (e instanceof AnalysisException a) {
      return a.getSimpleMessage();
    }
    Throwable user = null;
    for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
      if (t instanceof SparkThrowable s && s.getErrorClass() != null) {
        user = t; // the innermost with an error class says what the statement did
      }
    }
    return user == null ? null : user.getMessage().lines().findFirst().orElse(user.toString());
  }
}

package ai.posespark.model.tfjs;

import java.io.IOException;

/**
 * A model.json the interpreter cannot run: unknown op, unsupported attribute value, missing weight, malformed
 * graph. The message names the model, node, op and offending value, e.g.
 * {@code movenet-lightning: node 'foo' (Conv2D): unsupported padding EXPLICIT}.
 */
public class TfjsModelException extends IOException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with its full message. */
  public TfjsModelException(String message) {
    super(message);
  }

  /** Creates the exception with its full message and cause. */
  public TfjsModelException(String message, Throwable cause) {
    super(message, cause);
  }
}

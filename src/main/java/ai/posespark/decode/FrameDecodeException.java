package ai.posespark.decode;

/** A frame whose bytes cannot become pixels; the message goes to the frame row's {@code error} column. */
public final class FrameDecodeException extends Exception {
  public FrameDecodeException(String message) {
    super(message);
  }

  public FrameDecodeException(String message, Throwable cause) {
    super(message, cause);
  }
}

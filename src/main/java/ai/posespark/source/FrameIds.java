package ai.posespark.source;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Stable frame ids: the first 8 bytes of SHA-256 over {@code uri + '#' + frameIndex}, as a non-negative long.
 * The same file and frame get the same id in every run, so results of different runs join on it.
 */
public final class FrameIds {
  private FrameIds() {}

  public static long of(String uri, int frameIndex) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest((uri + "#" + frameIndex).getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(digest, 0, 8).getLong() & Long.MAX_VALUE;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }
}

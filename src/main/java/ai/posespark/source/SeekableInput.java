package ai.posespark.source;

import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.fs.FSDataInputStream;

/**
 * A Hadoop file as the {@link InputStream} JavaCV's grabber reads: the grabber marks position 0 once and seeks by
 * {@code reset()} plus {@code skip(n)}, which here are real seeks, so nothing is buffered in memory.
 */
final class SeekableInput extends InputStream {
  private final FSDataInputStream in;
  private final long length;
  private final String name;

  SeekableInput(FSDataInputStream in, long length, String name) {
    this.in = in;
    this.length = length;
    this.name = name;
  }

  @Override
  public int read() throws IOException {
    return in.read();
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    return in.read(b, off, len);
  }

  @Override
  public boolean markSupported() {
    return true;
  }

  /** The grabber marks the start of the file only, so the mark is always position 0. */
  @Override
  public synchronized void mark(int readLimit) {}

  @Override
  public synchronized void reset() throws IOException {
    in.seek(0);
  }

  @Override
  public long skip(long n) throws IOException {
    long pos = in.getPos();
    long k = Math.max(0, Math.min(n, length - pos));
    if (k > 0) {
      in.seek(pos + k);
    }
    return k;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /** The grabber names its input by this in messages. */
  @Override
  public String toString() {
    return name;
  }
}

package ai.posespark.model;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A TorchScript archive written without Python: the zip layout {@code torch.jit.save} produces for a module
 * without parameters (TorchScript source in {@code code/__torch__.py}, the pickled module object in
 * {@code data.pkl}, an empty {@code constants.pkl}, {@code version}). libtorch compiles the source when it loads
 * the archive, so a few lines of TorchScript reach any ATen or registered op that DJL's NDArray API lacks.
 */
public final class TorchScriptArchive {
  private TorchScriptArchive() {}

  /**
   * The archive bytes of module class {@code __torch__.<className>} defined by {@code code}, which must declare
   * {@code class <className>(Module):} with {@code training : bool}.
   */
  public static byte[] of(String className, String code) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      String stem = className.toLowerCase(java.util.Locale.ROOT);
      put(zip, stem + "/data.pkl", modulePickle(className));
      put(zip, stem + "/code/__torch__.py", code.getBytes(StandardCharsets.UTF_8));
      put(zip, stem + "/constants.pkl", new byte[] {(byte) 0x80, 2, ')', '.'}); // pickle of ()
      put(zip, stem + "/version", "6\n".getBytes(StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Pickle (protocol 2) of {@code __torch__.<className>()} with {@code training = False}. */
  private static byte[] modulePickle(String className) {
    ByteArrayOutputStream p = new ByteArrayOutputStream();
    p.writeBytes(new byte[] {(byte) 0x80, 2});
    p.writeBytes(("c__torch__\n" + className + "\n").getBytes(StandardCharsets.US_ASCII));
    p.writeBytes(new byte[] {')', (byte) 0x81, '}'});
    byte[] key = "training".getBytes(StandardCharsets.US_ASCII);
    p.write('X');
    p.writeBytes(new byte[] {(byte) key.length, 0, 0, 0});
    p.writeBytes(key);
    p.writeBytes(new byte[] {(byte) 0x89, 's', 'b', '.'});
    return p.toByteArray();
  }

  // stored, not deflated: libtorch reads the records in place
  private static void put(ZipOutputStream zip, String name, byte[] data) throws IOException {
    ZipEntry e = new ZipEntry(name);
    e.setMethod(ZipEntry.STORED);
    e.setSize(data.length);
    CRC32 crc = new CRC32();
    crc.update(data);
    e.setCrc(crc.getValue());
    zip.putNextEntry(e);
    zip.write(data);
    zip.closeEntry();
  }
}

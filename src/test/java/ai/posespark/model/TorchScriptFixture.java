package ai.posespark.model;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a small TorchScript archive without Python: the zip layout {@code torch.jit.save} produces (TorchScript
 * source in {@code code/}, the pickled module object in {@code data.pkl}, {@code constants.pkl}, {@code version}).
 * The module speaks MoveNet singlepose's interface — {@code [1,H,W,3]} int32 in, {@code [1,1,17,3]} (y, x, score)
 * normalised out — and puts all 17 keypoints at the centre of the brightest pixel, so a test can check the whole
 * path (catalog recipe, letterbox, decoder, inverse mapping) against a dot it drew.
 */
public final class TorchScriptFixture {
  private TorchScriptFixture() {}

  private static final String CODE = """
      class BrightestPoint(Module):
        __parameters__ = []
        __buffers__ = []
        training : bool
        def forward(self: __torch__.BrightestPoint,
          x: Tensor) -> Tensor:
          g = torch.sum(torch.to(x, 6), [3])
          h = torch.size(g, 1)
          w = torch.size(g, 2)
          flat = torch.reshape(g, [1, -1])
          idx = torch.argmax(flat, 1)
          row = torch.div(idx, w, rounding_mode="floor")
          col = torch.sub(idx, torch.mul(row, w))
          y = torch.div(torch.add(torch.to(row, 6), 0.5), h)
          xx = torch.div(torch.add(torch.to(col, 6), 0.5), w)
          score = torch.ones_like(y)
          kp = torch.stack([y, xx, score], 1)
          return torch.expand(torch.reshape(kp, [1, 1, 1, 3]), [1, 1, 17, 3])
      """;

  /** Pickle (protocol 2) of {@code __torch__.BrightestPoint()} with {@code training = False}. */
  private static byte[] dataPickle() {
    ByteArrayOutputStream p = new ByteArrayOutputStream();
    p.writeBytes(new byte[] {(byte) 0x80, 2});
    p.writeBytes("c__torch__\nBrightestPoint\n".getBytes(StandardCharsets.US_ASCII));
    p.writeBytes(new byte[] {')', (byte) 0x81, '}'});
    byte[] key = "training".getBytes(StandardCharsets.US_ASCII);
    p.write('X');
    p.writeBytes(new byte[] {(byte) key.length, 0, 0, 0});
    p.writeBytes(key);
    p.writeBytes(new byte[] {(byte) 0x89, 's', 'b', '.'});
    return p.toByteArray();
  }

  /** The empty constants table: pickle of {@code ()}. */
  private static byte[] constantsPickle() {
    return new byte[] {(byte) 0x80, 2, ')', '.'};
  }

  /** Writes the archive to {@code file}. */
  public static Path write(Path file) throws IOException {
    String stem = file.getFileName().toString().replaceFirst("\\.pt$", "");
    try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
      put(zip, stem + "/data.pkl", dataPickle());
      put(zip, stem + "/code/__torch__.py", CODE.getBytes(StandardCharsets.UTF_8));
      put(zip, stem + "/constants.pkl", constantsPickle());
      put(zip, stem + "/version", "6\n".getBytes(StandardCharsets.US_ASCII));
    }
    return file;
  }

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

package ai.posespark.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.posespark.testing.Skip;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyTest {
  @TempDir
  Path dir;

  @Test
  void roundTripsEveryType() throws IOException {
    Npy.Array[] arrays = {
      Npy.Array.of(new float[] {1.5f, -2f, 3f, 4f, 5f, 6f}, 2, 3),
      Npy.Array.of(new int[] {7, -8, 9}, 3),
      Npy.Array.of(new long[] {1L << 40, -1}, 2, 1),
      Npy.Array.of(new byte[] {0, (byte) 255}, 2),
      Npy.Array.of(new float[] {42f}),
    };
    for (Npy.Array a : arrays) {
      Path f = dir.resolve("a.npy");
      Npy.write(f, a);
      assertEquals(0, (Files.size(f) - a.data().length) % 64, "data starts on a 64-byte boundary");
      Npy.Array back = Npy.read(f);
      assertArrayEquals(a.shape(), back.shape());
      assertEquals(a.dataType(), back.dataType());
      assertArrayEquals(a.data(), back.data());
    }
  }

  @Test
  void convertsToAndFromNDArray() throws IOException {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = m.create(new int[] {1, 2, 3, 4, 5, 6}, new ai.djl.ndarray.types.Shape(1, 2, 3));
      Path f = dir.resolve("x.npy");
      Npy.write(f, x);
      NDArray y = Npy.read(m, f);
      assertEquals(DataType.INT32, y.getDataType());
      assertEquals(x.getShape(), y.getShape());
      assertArrayEquals(x.toIntArray(), y.toIntArray());
      assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, Npy.read(f).toFloatArray());
    }
  }

  @Test
  void readsTheGoldenFiles() throws IOException {
    String shared = System.getProperty("posespark.shared");
    Path input = shared == null ? null
        : Path.of(shared, "golden", "tfjs", "movenet-lightning", "000000000785", "input.npy");
    Skip.unless(input != null && Files.exists(input), "golden files absent (posespark.shared=" + shared + ")");
    Npy.Array a = Npy.read(input);
    assertArrayEquals(new long[] {1, 192, 192, 3}, a.shape());
    assertEquals(DataType.INT32, a.dataType());
  }

  @Test
  void rejectsGarbage() throws IOException {
    Path f = dir.resolve("bad.npy");
    Files.write(f, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11});
    assertThrows(IOException.class, () -> Npy.read(f));
  }
}

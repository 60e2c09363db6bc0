package ai.posespark.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.posespark.decode.Letterbox;
import ai.posespark.decode.RgbImage;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputPreprocessorTest {
  private static ModelEntry entry(String dtype, String layout, String range) {
    return new ModelEntry("m", "m.json", "tfjs", new ModelInputSpec(List.of(64, 64), dtype, layout, range),
        "letterbox", "movenet-multi", "coco17", 1, 1);
  }

  private static RgbImage constant(int w, int h, int r, int g, int b) {
    byte[] px = new byte[w * h * 3];
    for (int i = 0; i < px.length; i += 3) {
      px[i] = (byte) r;
      px[i + 1] = (byte) g;
      px[i + 2] = (byte) b;
    }
    return new RgbImage(w, h, px);
  }

  @Test
  void letterboxedInt32InputHasTheImageInTheMiddleAndZerosAround() {
    try (NDManager m = NDManager.newBaseManager("PyTorch")) {
      InputPreprocessor pre = new InputPreprocessor(entry("int32", "nhwc", "0..255"));
      InputPreprocessor.Prepared wide = pre.prepare(constant(200, 100, 200, 100, 50), m);
      assertEquals(new Shape(64, 64, 3), wide.input().getShape());
      assertEquals(DataType.INT32, wide.input().getDataType());
      assertEquals(32, wide.letterbox().scaledHeight());
      assertEquals(16, wide.letterbox().padY());
      int[] px = wide.input().toIntArray();
      assertArrayEquals(new int[] {0, 0, 0}, Arrays.copyOfRange(px, 0, 3), "padding row");
      int mid = (32 * 64 + 32) * 3;
      assertArrayEquals(new int[] {200, 100, 50}, Arrays.copyOfRange(px, mid, mid + 3), "image centre");
      InputPreprocessor.Prepared tall = pre.prepare(constant(50, 100, 10, 20, 30), m);
      Letterbox box = tall.letterbox();
      assertEquals(16, box.padX());
      int[] px2 = tall.input().toIntArray();
      assertArrayEquals(new int[] {0, 0, 0}, Arrays.copyOfRange(px2, (32 * 64 + 5) * 3, (32 * 64 + 5) * 3 + 3));
      assertArrayEquals(new int[] {10, 20, 30}, Arrays.copyOfRange(px2, mid, mid + 3));
    }
  }

  @Test
  void floatRangesAndChannelsFirstLayout() {
    try (NDManager m = NDManager.newBaseManager("PyTorch")) {
      NDArray in = new InputPreprocessor(entry("float32", "nchw", "-1..1"))
          .prepare(constant(64, 64, 255, 0, 51), m).input();
      assertEquals(new Shape(3, 64, 64), in.getShape());
      assertEquals(1f, in.getFloat(0, 10, 10), 1e-5);
      assertEquals(-1f, in.getFloat(1, 10, 10), 1e-5);
      assertEquals(51 / 127.5f - 1, in.getFloat(2, 10, 10), 1e-5);
      NDArray unit = new InputPreprocessor(entry("float32", "nhwc", "0..1"))
          .prepare(constant(64, 64, 255, 0, 51), m).input();
      assertEquals(0.2f, unit.getFloat(3, 3, 2), 1e-5);
    }
  }

  @Test
  void openPoseInputIsBgrOver256MinusHalf() {
    ModelEntry cmu = new ModelEntry("m", "m.pt", "torchscript",
        new ModelInputSpec(List.of(64, 64), "float32", "nchw", "-0.5..0.5", "bgr"), "letterbox", "openpose", "coco17",
        1, 1);
    try (NDManager m = NDManager.newBaseManager("PyTorch")) {
      NDArray in = new InputPreprocessor(cmu).prepare(constant(64, 64, 255, 0, 64), m).input();
      assertEquals(new Shape(3, 64, 64), in.getShape());
      assertEquals(64 / 256f - 0.5f, in.getFloat(0, 10, 10), 1e-6, "blue first");
      assertEquals(-0.5f, in.getFloat(1, 10, 10), 1e-6);
      assertEquals(255 / 256f - 0.5f, in.getFloat(2, 10, 10), 1e-6, "red last");
    }
  }
}

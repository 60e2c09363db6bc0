package ai.posespark.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.posespark.decode.AffineCrop;
import ai.posespark.decode.RgbImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The batched warp against bilinear sampling worked out by hand: on an image whose channels are linear in x and y,
 * bilinear interpolation is exact, so every output pixel must equal the plane at the crop's inverse map of its centre
 * (pixel centres at integer + 0.5); outside the frame the warp reads zeros, as cv2.warpAffine's constant border.
 */
class CropWarperTest {
  private static final int W = 160;
  private static final int H = 120;

  /** R = x, G = y, B = 200 (constant). */
  private static RgbImage planes() {
    byte[] px = new byte[W * H * 3];
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        int i = (y * W + x) * 3;
        px[i] = (byte) x;
        px[i + 1] = (byte) y;
        px[i + 2] = (byte) 200;
      }
    }
    return new RgbImage(W, H, px);
  }

  private static ModelEntry entry(String layout, String range) {
    return new ModelEntry("m", "m.json", "tfjs", new ModelInputSpec(List.of(32, 24), "float32", layout, range),
        "letterbox", "movenet-single", "coco17", 1, 1);
  }

  @Test
  void everyOutputPixelSamplesTheFrameAtItsInverseMap() {
    RgbImage frame = planes();
    AffineCrop inside = AffineCrop.around(40, 30, 60, 50, 1.25, W, H, 24, 32);
    AffineCrop mirrored = inside.mirrored();
    AffineCrop edge = AffineCrop.around(130, 90, 40, 40, 1.25, W, H, 24, 32);
    try (NDManager m = NDManager.newBaseManager("PyTorch")) {
      NDArray out = new CropWarper(entry("nhwc", "0..255")).warp(frame, List.of(inside, mirrored, edge), m);
      assertEquals(new Shape(3, 32, 24, 3), out.getShape());
      float[] v = out.toFloatArray();
      List<AffineCrop> crops = List.of(inside, mirrored, edge);
      int checked = 0;
      int zeros = 0;
      for (int c = 0; c < 3; c++) {
        AffineCrop crop = crops.get(c);
        for (int i = 0; i < 32; i++) {
          for (int j = 0; j < 24; j++) {
            double sx = crop.sourceX(j + 0.5, i + 0.5) - 0.5; // pixel-index coordinates
            double sy = crop.sourceY(j + 0.5, i + 0.5) - 0.5;
            int at = ((c * 32 + i) * 24 + j) * 3;
            if (sx >= 0 && sx <= W - 1 && sy >= 0 && sy <= H - 1) {
              assertEquals(sx, v[at], 1e-3, "R at crop " + c + " (" + i + ", " + j + ")");
              assertEquals(sy, v[at + 1], 1e-3, "G");
              assertEquals(200, v[at + 2], 1e-3, "B");
              checked++;
            } else if (sx < -1 || sx > W || sy < -1 || sy > H) {
              assertEquals(0, v[at + 2], 0, "outside the frame reads zero");
              zeros++;
            }
          }
        }
      }
      assertEquals(true, checked > 1500 && zeros > 50, checked + " inside, " + zeros + " outside");
    }
  }

  @Test
  void theModelsValueMappingAndLayoutAreApplied() {
    AffineCrop crop = AffineCrop.around(40, 30, 60, 50, 1.25, W, H, 24, 32);
    try (NDManager m = NDManager.newBaseManager("PyTorch")) {
      NDArray out = new CropWarper(entry("nchw", "-1..1")).warp(planes(), List.of(crop), m);
      assertEquals(new Shape(1, 3, 32, 24), out.getShape());
      assertEquals(200 / 127.5f - 1, out.getFloat(0, 2, 16, 12), 1e-5);
    }
  }
}

package ai.posespark.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.util.NDImageUtils;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fused kernel against libtorch doing the same steps as separate NDArray ops (resize with {@code interpolate},
 * a zero canvas, the value mapping, the transpose): the reference the kernel replaced.
 */
class LetterboxRasterTest {
  private static final LetterboxRaster.Mapping[] MAPPINGS = {
      new LetterboxRaster.Mapping(1f, 0f, false, false, false),      // raw 0..255
      new LetterboxRaster.Mapping(1f, 0f, true, false, false),       // MoveNet: int32 0..255
      new LetterboxRaster.Mapping(127.5f, 1f, false, false, false),  // -1..1
      new LetterboxRaster.Mapping(255f, 0f, false, false, true),     // 0..1, NCHW
      new LetterboxRaster.Mapping(256f, 0.5f, false, true, true),    // CMU OpenPose: BGR, v/256 - 0.5, NCHW
      // RTMDet: BGR, mean/std per channel in B, G, R order, padding 114, NCHW
      new LetterboxRaster.Mapping(new float[] {57.375f, 57.12f, 58.395f},
          new float[] {103.53f / 57.375f, 116.28f / 57.12f, 123.675f / 58.395f}, 114f, false, true, true),
      new LetterboxRaster.Mapping(new float[] {1, 1, 1}, new float[] {0, 0, 0}, 114f, true, true, false),
  };

  @Test
  void matchesLibtorchResizePadMapAndLayout() {
    Random random = new Random(15);
    int[][] sizes = {{640, 425, 192, 192}, {425, 640, 256, 256}, {97, 61, 192, 192}, {1280, 720, 256, 160},
        {33, 200, 64, 48}, {192, 192, 192, 192}, {1, 1, 16, 16}, {3001, 17, 192, 192}};
    try (NDManager m = NDManager.newBaseManager("PyTorch")) {
      for (int[] s : sizes) {
        RgbImage image = noise(s[0], s[1], random);
        for (int placement = 0; placement < 3; placement++) {
          boolean fit = placement > 0;
          Letterbox box = !fit ? Letterbox.stretch(s[0], s[1], s[2], s[3])
              : placement == 1 ? Letterbox.fit(s[0], s[1], s[2], s[3]) : Letterbox.fit(s[0], s[1], s[2], s[3])
                  .atTopLeft();
          for (LetterboxRaster.Mapping mapping : MAPPINGS) {
            LetterboxRaster.Raster fused = LetterboxRaster.of(image, box, mapping);
            NDArray reference = reference(image, box, mapping, m);
            NDArray mine = fused.toNDArray(m);
            assertEquals(reference.getShape(), mine.getShape());
            String what = s[0] + "x" + s[1] + " → " + s[2] + "x" + s[3] + (fit ? " fit " : " stretch ") + mapping;
            if (mapping.int32()) {
              // half-way values may round apart where the two sum in another order: at most one level, rarely
              NDArray diff = mine.sub(reference).abs();
              assertTrue(diff.max().getInt() <= 1, what);
              assertTrue(diff.gt(0).sum().getLong() * 1000 <= diff.size(), what + ": too many rounding differences");
            } else {
              float max = mine.sub(reference).abs().max().getFloat();
              // float rounding: a few ulps of the largest value, 255 / divisor
              float smallest = Math.min(mapping.divisor()[0], Math.min(mapping.divisor()[1], mapping.divisor()[2]));
              assertTrue(max <= 5e-7f * 255 / smallest + 1e-6f, what + ": max difference " + max);
            }
          }
        }
      }
    }
  }

  @Test
  void refusesALetterboxMadeForAnotherImage() {
    RgbImage image = noise(10, 10, new Random(1));
    try {
      LetterboxRaster.of(image, Letterbox.fit(20, 10, 8, 8), MAPPINGS[0]);
      throw new AssertionError("accepted a letterbox for another size");
    } catch (IllegalArgumentException expected) {
      assertTrue(expected.getMessage().contains("20x10"));
    }
  }

  private static NDArray reference(RgbImage image, Letterbox box, LetterboxRaster.Mapping mapping, NDManager m) {
    NDArray pixels = image.toNDArray(m).toType(DataType.FLOAT32, false);
    NDArray resized = NDImageUtils.resize(pixels, box.scaledWidth(), box.scaledHeight(), Image.Interpolation.BILINEAR);
    NDArray canvas = m.full(new Shape(box.inputHeight(), box.inputWidth(), 3), mapping.padValue());
    canvas.set(new NDIndex("{}:{},{}:{}", box.padY(), box.padY() + box.scaledHeight(), box.padX(),
        box.padX() + box.scaledWidth()), resized);
    NDArray mapped = mapping.int32() ? canvas.round().clip(0, 255).toType(DataType.INT32, false) : canvas;
    if (mapping.bgr()) {
      mapped = mapped.flip(2);
    }
    if (!mapping.int32()) {
      mapped = mapped.div(m.create(mapping.divisor())).sub(m.create(mapping.offset()));
    }
    return mapping.channelsFirst() ? mapped.transpose(2, 0, 1) : mapped;
  }

  private static RgbImage noise(int w, int h, Random random) {
    byte[] px = new byte[w * h * 3];
    random.nextBytes(px);
    return new RgbImage(w, h, px);
  }
}

package ai.posespark.model.tfjs.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.types.Shape;
import ai.posespark.model.tfjs.graph.AttrValue;
import ai.posespark.model.tfjs.graph.NodeDef;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each op family's count against a loop over the products it computes, written out the slow way. */
class MultiplyAddsTest {
  private static NodeDef node(String op, Map<String, AttrValue> attrs) {
    return new NodeDef("n", op, List.of(), attrs);
  }

  private static AttrValue bool(boolean b) throws Exception {
    return new AttrValue(new ObjectMapper().readTree("{\"b\": " + b + "}"));
  }

  @Test
  void convolutionCountsEveryFilterTapOfEveryOutput() {
    // [1, 9, 7, 5] input, 3×3 filter, 5 → 8 channels, stride 2 SAME: output [1, 5, 4, 8]
    long products = 0;
    for (int y = 0; y < 5; y++) {
      for (int x = 0; x < 4; x++) {
        for (int co = 0; co < 8; co++) {
          products += 3 * 3 * 5; // taps × input channels, padding taps included, as FLOP counts take them
        }
      }
    }
    Shape[] in = {new Shape(1, 9, 7, 5), new Shape(3, 3, 5, 8), new Shape(8)};
    assertEquals(products, MultiplyAdds.of(node("_FusedConv2D", Map.of()), in, new Shape(1, 5, 4, 8)));
    assertEquals(products, MultiplyAdds.of(node("Conv2D", Map.of()), in, new Shape(1, 5, 4, 8)));
  }

  @Test
  void depthwiseConvolutionReadsOnlyItsOwnChannel() {
    // 6 channels, multiplier 2 → 12 output channels, each output sums its 3×3 window of one channel
    long products = 0;
    for (int i = 0; i < 2 * 10 * 10 * 12; i++) {
      products += 9;
    }
    assertEquals(products, MultiplyAdds.of(node("FusedDepthwiseConv2dNative", Map.of()),
        new Shape[] {new Shape(2, 10, 10, 6), new Shape(3, 3, 6, 2)}, new Shape(2, 10, 10, 12)));
  }

  @Test
  void transposedConvolutionScattersEachInputOverTheFilter() {
    // dy [1, 4, 4, 16] → output [1, 8, 8, 4] with a 4×4 filter [4, 4, 4, 16]: each dy value meets 4·4·4 weights
    Shape[] in = {new Shape(4), new Shape(4, 4, 4, 16), new Shape(1, 4, 4, 16)};
    assertEquals(4L * 4 * 16 * (4 * 4 * 4), MultiplyAdds.of(node("Conv2DBackpropInput", Map.of()), in,
        new Shape(1, 8, 8, 4)));
  }

  @Test
  void matrixProductsCountRowsTimesColumnsTimesInner() throws Exception {
    assertEquals(3L * 5 * 7, MultiplyAdds.of(node("MatMul", Map.of()),
        new Shape[] {new Shape(3, 7), new Shape(7, 5)}, new Shape(3, 5)));
    assertEquals(3L * 5 * 7, MultiplyAdds.of(node("MatMul", Map.of("transpose_a", bool(true))),
        new Shape[] {new Shape(7, 3), new Shape(7, 5)}, new Shape(3, 5)));
    assertEquals(2L * 3 * 5 * 7, MultiplyAdds.of(node("BatchMatMulV2", Map.of()),
        new Shape[] {new Shape(2, 3, 7), new Shape(2, 7, 5)}, new Shape(2, 3, 5)));
    assertEquals(0, MultiplyAdds.of(node("AddV2", Map.of()), new Shape[] {new Shape(3, 5)}, new Shape(3, 5)));
  }
}

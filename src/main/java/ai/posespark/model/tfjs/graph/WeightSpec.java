package ai.posespark.model.tfjs.graph;

/**
 * One entry of a weights manifest group: where a constant's bytes are and how they are encoded.
 *
 * @param name the Const node it fills
 * @param shape its dimensions
 * @param dtype stored logical type ({@code float32}, {@code int32}, {@code bool}, ...)
 * @param quantization how the bytes are quantized; {@code null} when stored as {@code dtype}
 */
public record WeightSpec(String name, long[] shape, String dtype, Quantization quantization) {

  /**
   * TF.js weight quantization: {@code float16} stores IEEE half floats; {@code uint8}/{@code uint16} store
   * {@code q} with {@code value = q * scale + min}.
   *
   * @param dtype float16, uint8 or uint16
   * @param scale affine scale (uint8/uint16 only)
   * @param min affine offset (uint8/uint16 only)
   */
  public record Quantization(String dtype, float scale, float min) {}

  /** Number of elements. */
  public long size() {
    long n = 1;
    for (long d : shape) {
      n = Math.multiplyExact(n, d);
    }
    return n;
  }
}

package ai.posespark.model.tfjs.ops;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValue;
import ai.djl.pytorch.jni.JniUtils;
import ai.posespark.model.TorchScriptArchive;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CPU convolutions as one oneDNN primitive each: convolution, bias and activation fused, the filter packed into
 * oneDNN's blocked layout once at load. DJL's NDArray API offers only {@code aten::convolution}, which on the CPU
 * re-packs the filter on every call, picks the slower native kernel for 1×1 convolutions, and leaves the
 * activation to separate passes over the output. libtorch does register the fused form
 * ({@code mkldnn::_convolution_pointwise}, what PyTorch's own inference compiler emits for CPU convolutions); two
 * tiny TorchScript modules reach it and the filter packing op. Measured on the 2-core dev machine, single thread,
 * against DJL's convolution + activation: MobileNetV2's 96-channel 96×96 stride-2 depthwise 479 to 292 µs, the
 * 16 to 96 channel 1×1 at 96×96 ~1.6 ms (in the model) to ~0.6 ms.
 *
 * <p>Used for float32 filters on the CPU unless {@code -Dposespark.onednn=false}; where the op is missing (a
 * libtorch built without oneDNN) the first use logs why and convolutions stay on DJL's path.
 */
final class OneDnnConvolution {
  private static final Logger LOG = LoggerFactory.getLogger(OneDnnConvolution.class);

  private static final String CONVOLVE = """
      class FusedConvolution(Module):
        __parameters__ = []
        __buffers__ = []
        training : bool
        def forward(self: __torch__.FusedConvolution, x: Tensor, weight: Tensor, bias: Tensor,
            padding: List[int], stride: List[int], dilation: List[int], groups: int, attr: str,
            scalars: List[float]) -> Tensor:
          s = annotate(List[Optional[number]], [])
          for v in scalars:
            s.append(v)
          return ops.mkldnn._convolution_pointwise(x, weight, bias, padding, stride, dilation, groups, attr,
              s, None)
      """;

  private static final String PACK = """
      class PackConvolutionFilter(Module):
        __parameters__ = []
        __buffers__ = []
        training : bool
        def forward(self: __torch__.PackConvolutionFilter, weight: Tensor, padding: List[int],
            stride: List[int], dilation: List[int], groups: int) -> Tensor:
          return torch.mkldnn_reorder_conv2d_weight(torch.to_mkldnn(weight), padding, stride, dilation,
              groups, None)
      """;

  private static final Object LOCK = new Object();
  private static volatile Modules modules;
  private static volatile boolean failed;

  private OneDnnConvolution() {}

  /** The loaded modules; they hold no state, so every thread and model shares them. */
  private record Modules(PtSymbolBlock convolve, PtSymbolBlock pack) {}

  /** Whether convolutions on {@code device} can use oneDNN. */
  static boolean usable(Device device) {
    if (!Device.Type.CPU.equals(device.getDeviceType()) || failed
        || "false".equals(System.getProperty("posespark.onednn"))) {
      return false;
    }
    return modules() != null;
  }

  private static Modules modules() {
    Modules m = modules;
    if (m != null || failed) {
      return m;
    }
    synchronized (LOCK) {
      if (modules == null && !failed) {
        try {
          // lives as long as the JVM: the modules are a few hundred bytes of compiled TorchScript
          PtNDManager manager = (PtNDManager) NDManager.newBaseManager(Device.cpu(), "PyTorch");
          Modules loaded = new Modules(load(manager, "FusedConvolution", CONVOLVE),
              load(manager, "PackConvolutionFilter", PACK));
          probe(loaded, manager);
          modules = loaded;
        } catch (IOException | RuntimeException e) {
          failed = true;
          LOG.warn("oneDNN fused convolutions unavailable, using plain convolutions: {}", e.getMessage());
        }
      }
      return modules;
    }
  }

  /** One tiny convolution: ops resolve when a module is called, so a libtorch without oneDNN fails here. */
  private static void probe(Modules m, PtNDManager manager) {
    try (NDManager scratch = manager.newSubManager()) {
      NDArray filter = scratch.ones(new ai.djl.ndarray.types.Shape(1, 1, 1, 1));
      Packed packed = pack(m, filter, null, new long[] {1, 1}, new long[] {1, 1}, 1, Activation.NONE, scratch);
      NDArray y = packed.run(scratch.ones(new ai.djl.ndarray.types.Shape(1, 1, 2, 2)), 0, 0, scratch);
      if (y.sum().getFloat() != 4f) {
        throw new IllegalStateException("probe convolution gave " + y);
      }
    }
  }

  private static PtSymbolBlock load(PtNDManager manager, String name, String code) throws IOException {
    byte[] archive = TorchScriptArchive.of(name, code);
    return JniUtils.loadModule(manager, new ByteArrayInputStream(archive), false, false);
  }

  /**
   * Packs a constant filter for convolutions with the given geometry.
   *
   * @param filter OIHW float32 filter
   * @param bias [O] bias, or null for none
   * @param activation fused activation, {@link Activation#NONE} for none
   * @param owner manager whose closing frees the packed filter (the model's weights manager)
   */
  static Packed pack(NDArray filter, NDArray bias, long[] stride, long[] dilation, long groups,
      Activation activation, NDManager owner) {
    return pack(modules(), filter, bias, stride, dilation, groups, activation, owner);
  }

  private static Packed pack(Modules m, NDArray filter, NDArray bias, long[] stride, long[] dilation, long groups,
      Activation activation, NDManager owner) {
    NDArray b = bias != null ? bias : owner.zeros(new ai.djl.ndarray.types.Shape(filter.getShape().get(0)));
    IValue weightIn = IValue.from((PtNDArray) filter);
    IValue zeroPad = IValue.listFrom(0, 0);
    IValue strides = IValue.listFrom(stride);
    IValue dilations = IValue.listFrom(dilation);
    IValue groupCount = IValue.from(groups);
    IValue packedValue;
    try {
      // packing once is what makes oneDNN pay off (MoveNet lightning ~28 vs ~25 ms/image unpacked/packed)
      packedValue = m.pack().forward(weightIn, zeroPad, strides, dilations, groupCount);
    } finally {
      weightIn.close();
      zeroPad.close();
    }
    PtNDArray packed = packedValue.toTensor((PtNDManager) owner);
    packedValue.close();
    Packed p = new Packed(m.convolve(), IValue.from(packed), IValue.from((PtNDArray) b), strides, dilations,
        groupCount, IValue.from(activation.attr), IValue.listFrom(activation.scalars));
    owner.attachInternal("onednn-" + System.identityHashCode(p) + "-" + System.nanoTime(), p);
    return p;
  }

  /** The activations oneDNN fuses, with the op's name and scalars for each. */
  record Activation(String attr, double[] scalars) {
    static final Activation NONE = new Activation("none", new double[0]);

    /** The oneDNN form of a TF fused activation; null when oneDNN has none (ELU, PReLU). */
    static Activation of(ActivationOps.Fused fused, float leakyAlpha) {
      return switch (fused) {
        case NONE -> NONE;
        case RELU -> new Activation("relu", new double[0]);
        case RELU6 -> new Activation("hardtanh", new double[] {0, 6});
        case LEAKY_RELU -> new Activation("leaky_relu", new double[] {leakyAlpha});
        case SIGMOID -> new Activation("sigmoid", new double[0]);
        case ELU, PRELU -> null;
      };
    }
  }

  /** A packed filter and the fixed arguments of its convolution, kept as TorchScript values between calls. */
  static final class Packed implements AutoCloseable {
    private final PtSymbolBlock convolve;
    private final IValue[] fixed; // weight, bias, stride, dilation, groups, attr, scalars
    private final Map<Long, IValue> paddings = new ConcurrentHashMap<>();

    private Packed(PtSymbolBlock convolve, IValue weight, IValue bias, IValue stride, IValue dilation,
        IValue groups, IValue attr, IValue scalars) {
      this.convolve = convolve;
      this.fixed = new IValue[] {weight, bias, stride, dilation, groups, attr, scalars};
    }

    /**
     * Convolves NCHW {@code x} (any memory format) with symmetric {@code padding} (rows, columns); the result
     * is attached to {@code manager}.
     */
    NDArray run(NDArray x, long padRows, long padColumns, NDManager manager) {
      IValue padding = paddings.computeIfAbsent(padRows << 32 | padColumns,
          k -> IValue.listFrom(padRows, padColumns));
      IValue input = IValue.from((PtNDArray) x);
      try {
        IValue out = convolve.forward(input, fixed[0], fixed[1], padding, fixed[2], fixed[3], fixed[4],
            fixed[5], fixed[6]);
        try {
          return out.toTensor((PtNDManager) manager);
        } finally {
          out.close();
        }
      } finally {
        input.close();
      }
    }

    @Override
    public void close() {
      for (IValue v : fixed) {
        v.close();
      }
      paddings.values().forEach(IValue::close);
    }
  }
}

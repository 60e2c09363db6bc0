package ai.posespark.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValue;
import ai.djl.pytorch.jni.JniUtils;
import ai.posespark.decode.AffineCrop;
import ai.posespark.decode.RgbImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Cuts a frame's {@link AffineCrop}s out as one batched bilinear warp on the model's device, then applies the model's
 * value mapping and layout ({@link InputPreprocessor#toModelInput}). The warp is libtorch's {@code grid_sampler}
 * (bilinear, zeros outside the frame: {@code cv2.warpAffine} with {@code INTER_LINEAR} and a constant border),
 * reached through a two-line TorchScript module since DJL's NDArray API has no grid sampling. Each output pixel
 * centre {@code (j + 0.5, i + 0.5)} samples the source at the crop's inverse map of that point, so a keypoint
 * decoded in the crop maps back through {@link AffineCrop} exactly.
 */
public final class CropWarper {
  private static final String GRID_SAMPLE = """
      class GridSample(Module):
        __parameters__ = []
        __buffers__ = []
        training : bool
        def forward(self: __torch__.GridSample, image: Tensor, grid: Tensor) -> Tensor:
          return torch.grid_sampler(image, grid, 0, 0, False)
      """;

  private static volatile PtSymbolBlock module;

  private final InputPreprocessor preprocessor;

  /** Crops for the model of {@code entry} (its input recipe). */
  public CropWarper(ModelEntry entry) {
    this.preprocessor = new InputPreprocessor(entry);
  }

  /**
   * The model inputs of {@code crops} of {@code frame}, as one {@code [N, …]} array in {@code manager}; every crop
   * must have the model's input size.
   */
  public NDArray warp(RgbImage frame, List<AffineCrop> crops, NDManager manager) {
    int n = crops.size();
    int outW = crops.get(0).inputWidth();
    int outH = crops.get(0).inputHeight();
    float[] gx = new float[n * outW];
    float[] gy = new float[n * outH];
    for (int c = 0; c < n; c++) {
      AffineCrop crop = crops.get(c);
      if (crop.inputWidth() != outW || crop.inputHeight() != outH) {
        throw new IllegalArgumentException("crops of one batch must share the input size");
      }
      // align_corners=False: normalised -1 and 1 are the frame's outer edges, so x_n = 2 x / W - 1 (continuous x)
      for (int j = 0; j < outW; j++) {
        gx[c * outW + j] = (float) (2 * crop.sourceX(j + 0.5, 0) / frame.width() - 1);
      }
      for (int i = 0; i < outH; i++) {
        gy[c * outH + i] = (float) (2 * crop.sourceY(0, i + 0.5) / frame.height() - 1);
      }
    }
    Shape gridShape = new Shape(n, outH, outW, 1);
    NDArray x = manager.create(gx, new Shape(n, 1, outW, 1)).broadcast(gridShape);
    NDArray y = manager.create(gy, new Shape(n, outH, 1, 1)).broadcast(gridShape);
    NDArray grid = x.concat(y, 3);
    NDArray image = frame.toNDArray(manager).toType(DataType.FLOAT32, false).transpose(2, 0, 1).expandDims(0)
        .broadcast(new Shape(n, 3, frame.height(), frame.width()));
    NDArray sampled = gridSample(image, grid, manager).transpose(0, 2, 3, 1);
    return preprocessor.toModelInput(sampled);
  }

  private static NDArray gridSample(NDArray image, NDArray grid, NDManager manager) {
    IValue in = IValue.from((PtNDArray) image);
    IValue g = IValue.from((PtNDArray) grid);
    try {
      IValue out = module().forward(in, g);
      try {
        return out.toTensor((PtNDManager) manager);
      } finally {
        out.close();
      }
    } finally {
      in.close();
      g.close();
    }
  }

  private static PtSymbolBlock module() {
    PtSymbolBlock m = module;
    if (m == null) {
      synchronized (CropWarper.class) {
        if (module == null) {
          // lives as long as the JVM: a few hundred bytes of compiled TorchScript, stateless, shared by all threads
          PtNDManager owner = (PtNDManager) NDManager.newBaseManager(Device.cpu(), "PyTorch");
          try {
            module = JniUtils.loadModule(owner, new ByteArrayInputStream(TorchScriptArchive.of("GridSample",
                GRID_SAMPLE)), false, false);
          } catch (IOException e) {
            throw new UncheckedIOException("cannot load the grid-sample module", e);
          }
        }
        m = module;
      }
    }
    return m;
  }
}

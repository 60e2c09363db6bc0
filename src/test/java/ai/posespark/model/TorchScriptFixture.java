package ai.posespark.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a small TorchScript model without Python ({@link TorchScriptArchive}).
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

  /** Writes the archive to {@code file}. */
  public static Path write(Path file) throws IOException {
    return Files.write(file, TorchScriptArchive.of("BrightestPoint", CODE));
  }
}

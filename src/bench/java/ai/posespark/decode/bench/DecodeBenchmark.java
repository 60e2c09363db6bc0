package ai.posespark.decode.bench;

import ai.djl.ndarray.NDManager;
import ai.posespark.decode.DecodeTarget;
import ai.posespark.decode.ImageDecoder;
import ai.posespark.decode.ImageLimits;
import ai.posespark.decode.JpegStructure;
import ai.posespark.decode.Letterbox;
import ai.posespark.decode.LetterboxRaster;
import ai.posespark.decode.RgbImage;
import ai.posespark.decode.TurboJpeg;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * What decoding and preparing one frame costs, per way of doing it, in CPU milliseconds of the calling thread (so a
 * loaded machine inflates the figures less than wall time would): ImageIO, libjpeg-turbo at full size and reduced
 * for a model input, the structure check, and the fused letterbox. Prints one line per figure; nothing asserted.
 *
 * <pre>DecodeBenchmark [--size 192] [--iterations 200] image.jpg...</pre>
 */
public final class DecodeBenchmark {
  private DecodeBenchmark() {}

  public static void main(String[] args) throws Exception {
    int size = 192;
    int iterations = 200;
    java.util.List<Path> files = new java.util.ArrayList<>();
    for (int k = 0; k < args.length; k++) {
      switch (args[k]) {
        case "--size" -> size = Integer.parseInt(args[++k]);
        case "--iterations" -> iterations = Integer.parseInt(args[++k]);
        default -> files.add(Path.of(args[k]));
      }
    }
    DecodeTarget target = new DecodeTarget(size, size, true);
    LetterboxRaster.Mapping int32 = new LetterboxRaster.Mapping(1f, 0f, true, false, false);
    for (Path file : files) {
      byte[] bytes = Files.readAllBytes(file);
      RgbImage full = TurboJpeg.decode(bytes, 1);
      int k = target.reduction(full.width(), full.height());
      RgbImage reduced = TurboJpeg.decode(bytes, k);
      String name = file.getFileName() + " " + full.width() + "x" + full.height();
      report(name, "ImageIO decode", iterations, () -> ImageIO.read(new ByteArrayInputStream(bytes)));
      report(name, "turbo decode 1/1", iterations, () -> TurboJpeg.decode(bytes, 1));
      report(name, "turbo decode 1/" + k, iterations, () -> TurboJpeg.decode(bytes, k));
      report(name, "structure check", iterations, () -> JpegStructure.of(bytes));
      report(name, "ImageDecoder.read (job path)", iterations,
          () -> ImageDecoder.read(bytes, ImageLimits.DEFAULTS, target));
      report(name, "fused letterbox from 1/1", iterations, () -> LetterboxRaster.of(full,
          Letterbox.fit(full.width(), full.height(), 192, 192), int32));
      report(name, "fused letterbox from 1/" + k, iterations, () -> LetterboxRaster.of(reduced,
          Letterbox.fit(reduced.width(), reduced.height(), 192, 192), int32));
      try (NDManager m = NDManager.newBaseManager("PyTorch")) {
        LetterboxRaster.Raster r = LetterboxRaster.of(reduced, Letterbox.fit(reduced.width(), reduced.height(),
            192, 192), int32);
        report(name, "raster to NDArray", iterations, () -> r.toNDArray(m).close());
      }
    }
  }

  private interface Work {
    void run() throws Exception;
  }

  private static void report(String image, String what, int iterations, Work work) throws Exception {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int i = 0; i < Math.max(5, iterations / 10); i++) {
      work.run();
    }
    long c = threads.getCurrentThreadCpuTime();
    long t = System.nanoTime();
    for (int i = 0; i < iterations; i++) {
      work.run();
    }
    System.out.printf(Locale.ROOT, "%s  %-32s %7.3f ms CPU  %7.3f ms wall%n", image, what,
        (threads.getCurrentThreadCpuTime() - c) / 1e6 / iterations, (System.nanoTime() - t) / 1e6 / iterations);
  }
}

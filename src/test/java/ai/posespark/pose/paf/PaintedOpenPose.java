package ai.posespark.pose.paf;

import ai.posespark.model.TorchScriptArchive;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * An OpenPose-style TorchScript model the tests build (no OpenPose weights are reachable here), and the pictures it
 * reads. {@link #paint} draws people as colour-coded stick figures: part {@code k} a disc coloured
 * {@code (0, 9(k+1), 250)}, limb {@code l} a band {@code (250, 9(l+1), ramp)} whose blue ramps from 25 at the limb's
 * first part to 225 at its second. The module ({@link #write}) reads real pixels the way the catalog entry feeds
 * them (BGR, v/256 − 0.5, NCHW, any batch): a part's map is the stride-8 average of its disc's pixels (codes are
 * read as channel ratios, which survive the letterbox's bilinear resize), a limb's field the stride-8 mean of the
 * ramp's unit gradient inside its band, spread over the neighbouring cells (OpenPose's fields are a cell wide on
 * each side, and reach under the discs that cover the band's ends) and renormalised to unit length; the maps get
 * CMU's background channel, and the outputs are the tuple {@code (pafs, heatmaps)} of PyTorch ports of CMU's model.
 */
public final class PaintedOpenPose {
  /** Disc radius and band width, source pixels. */
  static final int DISC_RADIUS = 8;
  static final int LIMB_WIDTH = 10;

  private PaintedOpenPose() {}

  /** Writes the module for {@code topology} to {@code file}. */
  public static Path write(Path file, PafTopology topology) throws IOException {
    return Files.write(file, TorchScriptArchive.of("PaintedOpenPose", code(topology)));
  }

  /**
   * Paints people (each {@code (K, 3)} topology parts {@code (x, y, v)}, v 0 = absent) on black; discs over
   * limbs, so that every part keeps its whole disc.
   */
  public static BufferedImage paint(int width, int height, PafTopology topology, List<double[][]> people) {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (double[][] parts : people) {
      for (int l = 0; l < topology.limbs().size(); l++) {
        PafTopology.Limb limb = topology.limbs().get(l);
        double[] a = parts[limb.from()];
        double[] b = parts[limb.to()];
        if (a[2] > 0 && b[2] > 0) {
          int code = 9 * (l + 1);
          fill(img, a[0], a[1], b[0], b[1], LIMB_WIDTH / 2.0,
              (x, y, t) -> 250 << 16 | code << 8 | (int) Math.round(25 + 200 * t));
        }
      }
    }
    for (double[][] parts : people) {
      for (int k = 0; k < parts.length; k++) {
        if (parts[k][2] > 0) {
          int rgb = 9 * (k + 1) << 8 | 250;
          fill(img, parts[k][0], parts[k][1], parts[k][0], parts[k][1], DISC_RADIUS, (x, y, t) -> rgb);
        }
      }
    }
    return img;
  }

  /** Colour of a band pixel at parameter {@code t} along it. */
  private interface Shade {
    int rgb(int x, int y, double t);
  }

  /** Every pixel within {@code radius} of segment a–b, coloured by its projection's parameter. */
  private static void fill(BufferedImage img, double ax, double ay, double bx, double by, double radius, Shade s) {
    double dx = bx - ax;
    double dy = by - ay;
    double len2 = dx * dx + dy * dy;
    int x0 = Math.max(0, (int) Math.floor(Math.min(ax, bx) - radius));
    int x1 = Math.min(img.getWidth() - 1, (int) Math.ceil(Math.max(ax, bx) + radius));
    int y0 = Math.max(0, (int) Math.floor(Math.min(ay, by) - radius));
    int y1 = Math.min(img.getHeight() - 1, (int) Math.ceil(Math.max(ay, by) + radius));
    for (int y = y0; y <= y1; y++) {
      for (int x = x0; x <= x1; x++) {
        double px = x + 0.5 - ax;
        double py = y + 0.5 - ay;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, (px * dx + py * dy) / len2));
        if (Math.hypot(px - t * dx, py - t * dy) <= radius) {
          img.setRGB(x, y, s.rgb(x, y, t));
        }
      }
    }
  }

  private static String code(PafTopology topology) {
    StringBuilder c = new StringBuilder("""
        class PaintedOpenPose(Module):
          __parameters__ = []
          __buffers__ = []
          training : bool
          def forward(self: __torch__.PaintedOpenPose,
            x: Tensor) -> Tuple[Tensor, Tensor]:
            v = torch.mul(torch.add(x, 0.5), 256.)
            b = torch.select(v, 1, 0)
            g = torch.select(v, 1, 1)
            r = torch.select(v, 1, 2)
            partCode = torch.div(torch.mul(g, 250. / 9.), torch.clamp(b, 1.))
            disc = torch.logical_and(torch.gt(b, 60.), torch.lt(r, torch.mul(b, 0.3)))
            limbCode = torch.div(torch.mul(g, 250. / 9.), torch.clamp(r, 1.))
            band = torch.gt(r, 60.)
            t = torch.div(b, torch.clamp(r, 1.))
            dx = torch.div(torch.sub(torch.roll(t, [-1], [2]), torch.roll(t, [1], [2])), 2.)
            dy = torch.div(torch.sub(torch.roll(t, [-1], [1]), torch.roll(t, [1], [1])), 2.)
            n = torch.sqrt(torch.add(torch.mul(dx, dx), torch.mul(dy, dy)))
            moving = torch.gt(n, 1e-5)
            ux = torch.div(dx, torch.clamp(n, 1e-6))
            uy = torch.div(dy, torch.clamp(n, 1e-6))
            heats = []
        """);
    for (int k = 0; k < topology.partCount(); k++) {
      c.append(String.format(Locale.ROOT, "    heats.append(torch.logical_and(disc, torch.lt(torch.abs(torch.sub("
          + "partCode, %d.)), 0.3)))%n", k + 1));
    }
    c.append("""
            heat = torch.avg_pool2d(torch.to(torch.stack(heats, 1), 6), [8, 8], [8, 8])
            background = torch.rsub(torch.amax(heat, [1], True), 1.)
            xs = []
            ys = []
        """);
    for (int l = 0; l < topology.limbs().size(); l++) {
      c.append(String.format(Locale.ROOT, """
              m = torch.logical_and(band, torch.lt(torch.abs(torch.sub(limbCode, %d.)), 0.3))
              m = torch.logical_and(m, torch.logical_and(torch.roll(m, [1], [2]), torch.roll(m, [-1], [2])))
              m = torch.logical_and(m, torch.logical_and(torch.roll(m, [1], [1]), torch.roll(m, [-1], [1])))
              m = torch.to(torch.logical_and(m, moving), 6)
              xs.append(torch.mul(ux, m))
              ys.append(torch.mul(uy, m))
          """, l + 1));
    }
    c.append("""
            px = torch.avg_pool2d(torch.stack(xs, 1), [8, 8], [8, 8])
            py = torch.avg_pool2d(torch.stack(ys, 1), [8, 8], [8, 8])
            px = torch.avg_pool2d(px, [3, 3], [1, 1], [1, 1])
            py = torch.avg_pool2d(py, [3, 3], [1, 1], [1, 1])
            pn = torch.sqrt(torch.add(torch.mul(px, px), torch.mul(py, py)))
            keep = torch.to(torch.gt(pn, 0.02), 6)
            px = torch.mul(torch.div(px, torch.clamp(pn, 1e-6)), keep)
            py = torch.mul(torch.div(py, torch.clamp(pn, 1e-6)), keep)
            channels = []
        """);
    int[] order = new int[topology.pafChannels()];
    for (int l = 0; l < topology.limbs().size(); l++) {
      order[topology.limbs().get(l).xChannel()] = 2 * l;
      order[topology.limbs().get(l).yChannel()] = 2 * l + 1;
    }
    for (int ch : order) {
      c.append(String.format(Locale.ROOT, "    channels.append(torch.select(%s, 1, %d))%n", ch % 2 == 0 ? "px" : "py",
          ch / 2));
    }
    c.append("""
            pafs = torch.stack(channels, 1)
            return (pafs, torch.cat([heat, background], 1))
        """);
    return c.toString();
  }
}

package ai.posespark.report;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** XChart plots rendered to PNG (Java2D, headless): bar charts over labels and line charts over x values. */
final class Charts {
  static final int WIDTH = 720;
  static final int HEIGHT = 360;

  private Charts() {}

  /**
   * Bars per label, one colour per series; a label whose values are all null is left out (undefined metrics such
   * as MOTA without ground truth are not drawn as zero).
   */
  static byte[] bars(String title, String yTitle, List<String> labels, Map<String, List<Double>> series)
      throws IOException {
    List<Integer> kept = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      int at = i;
      if (series.values().stream().anyMatch(v -> v.get(at) != null)) {
        kept.add(i);
      }
    }
    CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title).yAxisTitle(yTitle)
        .build();
    style(chart.getStyler());
    chart.getStyler().setXAxisLabelRotation(labels.size() > 6 ? 45 : 0);
    chart.getStyler().setOverlapped(false);
    List<String> x = kept.stream().map(labels::get).toList();
    for (Map.Entry<String, List<Double>> s : series.entrySet()) {
      List<Double> y = kept.stream().map(i -> s.getValue().get(i) == null ? 0.0 : s.getValue().get(i)).toList();
      chart.addSeries(s.getKey(), x.isEmpty() ? List.of("none") : x, x.isEmpty() ? List.of(0.0) : y);
    }
    return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
  }

  /** Lines through {@code (x, y)} points per series, y in 0..1; points with y &lt; 0 (undefined) are skipped. */
  static byte[] lines(String title, String xTitle, String yTitle, Map<String, double[][]> series)
      throws IOException {
    return lines(title, xTitle, yTitle, series, 1.0);
  }

  /**
   * Lines through {@code (x, y)} points per series, y from 0 to {@code yMax} (null: to the data's largest);
   * points with y &lt; 0 or not finite are skipped.
   */
  static byte[] lines(String title, String xTitle, String yTitle, Map<String, double[][]> series, Double yMax)
      throws IOException {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
        .yAxisTitle(yTitle).build();
    style(chart.getStyler());
    chart.getStyler().setYAxisMin(0.0).setYAxisMax(yMax);
    for (Map.Entry<String, double[][]> s : series.entrySet()) {
      List<Double> xs = new ArrayList<>();
      List<Double> ys = new ArrayList<>();
      for (double[] p : s.getValue()) {
        if (p[1] >= 0 && Double.isFinite(p[1])) {
          xs.add(p[0]);
          ys.add(p[1]);
        }
      }
      if (!xs.isEmpty()) {
        chart.addSeries(s.getKey(), xs, ys).setMarker(xs.size() > 20 ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
      }
    }
    if (chart.getSeriesMap().isEmpty()) {
      chart.addSeries("no data", List.of(0.0), List.of(0.0));
    }
    return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
  }

  private static void style(Styler styler) {
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setLegendPosition(Styler.LegendPosition.OutsideS);
    styler.setLegendLayout(Styler.LegendLayout.Horizontal);
    styler.setAntiAlias(true);
  }
}

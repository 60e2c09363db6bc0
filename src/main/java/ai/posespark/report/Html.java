package ai.posespark.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;

/** The few HTML pieces the report is made of: escaped text, tables and images embedded as data URIs. */
final class Html {
  private Html() {}

  static String escape(Object o) {
    String s = String.valueOf(o);
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** A table with a header row; cells are escaped. */
  static String table(List<String> header, List<List<?>> rows) {
    StringBuilder sb = new StringBuilder("<table><tr>");
    header.forEach(h -> sb.append("<th>").append(escape(h)).append("</th>"));
    sb.append("</tr>\n");
    for (List<?> row : rows) {
      sb.append("<tr>");
      row.forEach(c -> sb.append("<td>").append(c == null ? "" : escape(c)).append("</td>"));
      sb.append("</tr>\n");
    }
    return sb.append("</table>\n").toString();
  }

  /** An {@code <img>} holding {@code bytes} of {@code mime} inline, so the page needs no other file. */
  static String img(byte[] bytes, String mime, String alt) {
    return "<img src=\"data:" + mime + ";base64," + Base64.getEncoder().encodeToString(bytes) + "\" alt=\""
        + escape(alt) + "\">";
  }

  /** A frame as an inline JPEG. */
  static String jpeg(BufferedImage image, String alt) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "jpg", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return img(out.toByteArray(), "image/jpeg", alt);
  }

  /** The page's inline style sheet: no fonts, scripts or anything else fetched. */
  static final String STYLE = """
      body{font-family:sans-serif;margin:1.5em;color:#222;max-width:1500px}
      h1{margin-bottom:0}h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:1.6em}
      table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ddd;padding:.25em .6em;
      text-align:left;font-size:.9em;vertical-align:top}th{background:#f3f3f3}
      .grid{display:flex;flex-wrap:wrap;gap:12px}.grid figure{margin:0;max-width:480px}
      figure img{max-width:100%;height:auto;border:1px solid #ccc}figcaption{font-size:.8em;word-break:break-all}
      pre{background:#f7f7f7;padding:.8em;overflow:auto;font-size:.85em}.muted{color:#777}
      .plots img{max-width:100%;margin:.5em 0}
      """;
}

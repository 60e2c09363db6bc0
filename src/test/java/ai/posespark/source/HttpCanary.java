package ai.posespark.source;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local HTTP server on the loopback that records every request it gets, and files that point media players at it:
 * an HLS playlist, a DASH manifest, an SDP session and an FFmpeg concat list, each named {@code .mp4} (FFmpeg
 * recognises some by content) and under their own extensions. Any request it records is a network access made
 * because of a dataset's content.
 */
public final class HttpCanary implements AutoCloseable {
  private final HttpServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();

  public HttpCanary() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
      byte[] body = new byte[188]; // one empty MPEG-TS packet's worth
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
  }

  /** The canary's base URL, {@code http://127.0.0.1:PORT}. */
  public String url() {
    return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
  }

  /** Every request received so far. */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  /** The playlists and manifests pointing at this canary, written to {@code dir} as {@code <kind>.mp4}. */
  public Map<String, Path> writeLures(Path dir) throws IOException {
    Files.createDirectories(dir);
    String u = url();
    Map<String, String> lures = Map.of(
        "hls", "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:10\n#EXT-X-MEDIA-SEQUENCE:0\n#EXTINF:10.0,\n"
            + u + "/hls/segment0.ts\n#EXT-X-ENDLIST\n",
        "dash", """
            <?xml version="1.0" encoding="UTF-8"?>
            <MPD xmlns="urn:mpeg:dash:schema:mpd:2011" type="static" mediaPresentationDuration="PT10S"
                 minBufferTime="PT1S" profiles="urn:mpeg:dash:profile:isoff-on-demand:2011">
              <BaseURL>%s/dash/</BaseURL>
              <Period><AdaptationSet mimeType="video/mp4"><Representation id="v" bandwidth="100000" width="64"
                  height="64" codecs="avc1.42c00a"><BaseURL>video.mp4</BaseURL></Representation></AdaptationSet>
              </Period>
            </MPD>
            """.formatted(u),
        "sdp", "v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\ns=canary\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            + "m=video 5004 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\n",
        "concat", "ffconcat version 1.0\nfile '" + u + "/concat/video.mp4'\n");
    Map<String, Path> files = new java.util.TreeMap<>();
    for (var e : lures.entrySet()) {
      files.put(e.getKey(), Files.writeString(dir.resolve(e.getKey() + ".mp4"), e.getValue(),
          StandardCharsets.UTF_8));
    }
    // under their own extensions too: FFmpeg's HLS and DASH demuxers trust a playlist's name more than its bytes
    files.put("hls.m3u8", Files.writeString(dir.resolve("hls.m3u8"), lures.get("hls")));
    files.put("dash.mpd", Files.writeString(dir.resolve("dash.mpd"), lures.get("dash")));
    files.put("sdp.sdp", Files.writeString(dir.resolve("sdp.sdp"), lures.get("sdp")));
    return files;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

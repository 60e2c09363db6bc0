package ai.posespark.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real headless Chromium driven over the DevTools protocol (a WebSocket, JDK client): opens a page, records
 * console messages, uncaught exceptions, log entries and every network request, evaluates JavaScript and takes a
 * screenshot.
 */
final class HeadlessChromium implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern DEVTOOLS = Pattern.compile("DevTools listening on (ws://[^\\s]+)");

  /** Console messages, exceptions and error log entries, as text. */
  final List<String> problems = new CopyOnWriteArrayList<>();
  /** URLs the page requested. */
  final List<String> requests = new CopyOnWriteArrayList<>();

  private final Process process;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<CompletableFuture<Void>> loads = new CopyOnWriteArrayList<>();

  private HeadlessChromium(Process process, WebSocket.Builder builder, URI page) throws Exception {
    this.process = process;
    this.socket = builder.buildAsync(page, new Listener()).get(30, TimeUnit.SECONDS);
  }

  /** The browser binary: {@code chromium} on the PATH (Debian's package), or null. */
  static String binary() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      for (String name : List.of("chromium", "chromium-browser")) {
        if (Files.isExecutable(Path.of(dir, name))) {
          return Path.of(dir, name).toString();
        }
      }
    }
    return null;
  }

  /** Starts {@code binary} headless with a fresh profile under {@code profile}. */
  static HeadlessChromium start(String binary, Path profile) throws Exception {
    Process p = new ProcessBuilder(binary, "--headless=new", "--no-sandbox", "--disable-gpu",
        "--disable-dev-shm-usage", "--remote-debugging-port=0", "--remote-allow-origins=*",
        "--user-data-dir=" + profile, "--window-size=1400,1000", "about:blank").redirectErrorStream(true).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream()));
    String browserWs = null;
    for (String line; (line = out.readLine()) != null; ) {
      Matcher m = DEVTOOLS.matcher(line);
      if (m.find()) {
        browserWs = m.group(1);
        break;
      }
    }
    if (browserWs == null) {
      p.destroyForcibly();
      throw new IOException("chromium did not start its DevTools endpoint");
    }
    Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
    drain.setDaemon(true);
    drain.start();
    URI browser = URI.create(browserWs);
    HttpClient http = HttpClient.newHttpClient();
    String list = http.send(HttpRequest.newBuilder(URI.create("http://" + browser.getAuthority() + "/json/list"))
        .build(), HttpResponse.BodyHandlers.ofString()).body();
    URI page = null;
    for (JsonNode target : JSON.readTree(list)) {
      if ("page".equals(target.path("type").asText())) {
        page = URI.create(target.path("webSocketDebuggerUrl").asText());
      }
    }
    if (page == null) {
      p.destroyForcibly();
      throw new IOException("chromium has no page target: " + list);
    }
    HeadlessChromium c = new HeadlessChromium(p, http.newWebSocketBuilder(), page);
    for (String domain : List.of("Runtime", "Log", "Network", "Page")) {
      c.call(domain + ".enable", JSON.createObjectNode());
    }
    return c;
  }

  /** Navigates to {@code url} and waits for its load event. */
  void open(String url) throws Exception {
    CompletableFuture<Void> loaded = new CompletableFuture<>();
    loads.add(loaded);
    ObjectNode params = JSON.createObjectNode().put("url", url);
    JsonNode r = call("Page.navigate", params);
    if (r.has("errorText")) {
      throw new IOException("navigation failed: " + r.get("errorText").asText());
    }
    loaded.get(60, TimeUnit.SECONDS);
  }

  /** Evaluates {@code expression} in the page, returning its value (JSON). */
  JsonNode eval(String expression) throws Exception {
    JsonNode r = call("Runtime.evaluate", JSON.createObjectNode().put("expression", expression)
        .put("returnByValue", true).put("awaitPromise", true));
    if (r.has("exceptionDetails")) {
      throw new IOException("evaluation failed: " + r.get("exceptionDetails"));
    }
    return r.path("result").path("value");
  }

  /** A PNG of the whole page. */
  byte[] screenshot() throws Exception {
    JsonNode r = call("Page.captureScreenshot", JSON.createObjectNode().put("format", "png")
        .put("captureBeyondViewport", true));
    return Base64.getDecoder().decode(r.path("data").asText());
  }

  private JsonNode call(String method, ObjectNode params) throws Exception {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> result = new CompletableFuture<>();
    pending.put(id, result);
    ObjectNode msg = JSON.createObjectNode().put("id", id).put("method", method);
    msg.set("params", params);
    socket.sendText(JSON.writeValueAsString(msg), true).get(30, TimeUnit.SECONDS);
    JsonNode r = result.get(60, TimeUnit.SECONDS);
    if (r.has("error")) {
      throw new IOException(method + ": " + r.get("error"));
    }
    return r.path("result");
  }

  private void onMessage(JsonNode msg) {
    if (msg.has("id")) {
      CompletableFuture<JsonNode> f = pending.remove(msg.get("id").asInt());
      if (f != null) {
        f.complete(msg);
      }
      return;
    }
    JsonNode p = msg.path("params");
    switch (msg.path("method").asText()) {
      case "Runtime.consoleAPICalled" -> problems.add("console." + p.path("type").asText() + ": " + p.path("args"));
      case "Runtime.exceptionThrown" -> problems.add("exception: " + p.path("exceptionDetails"));
      case "Log.entryAdded" -> problems.add("log " + p.path("entry").path("level").asText() + ": "
          + p.path("entry").path("text").asText() + " " + p.path("entry").path("url").asText());
      case "Network.requestWillBeSent" -> requests.add(p.path("request").path("url").asText());
      case "Page.loadEventFired" -> loads.forEach(f -> f.complete(null));
      default -> { }
    }
  }

  @Override
  public void close() throws Exception {
    try {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      // the browser goes anyway
    }
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        try {
          onMessage(JSON.readTree(partial.toString()));
        } catch (IOException e) {
          problems.add("unreadable DevTools message: " + e.getMessage());
        }
        partial.setLength(0);
      }
      ws.request(1);
      return null;
    }
  }
}

package ai.posespark.source;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * A real S3 server for tests: s3proxy in-process on 127.0.0.1 (a free port), objects in memory, one bucket,
 * signed requests with fixed test keys. {@link #settings()} are the {@code fs.s3a.*} settings a client needs, the
 * same a user passes as {@code spark.hadoop.fs.s3a.*}.
 */
public final class S3ProxyServer implements AutoCloseable {
  /** AWS's documented example keys: real-shaped, so a leak test looks for what a leaked key looks like. */
  public static final String ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE";
  public static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

  private final BlobStoreContext context;
  private final S3Proxy proxy;
  private final String bucket;
  private final Map<String, String> settings = new LinkedHashMap<>();

  private S3ProxyServer(Path dir) throws Exception {
    // jclouds' in-memory store: the nio2 backends map keys to files and folders, so they cannot hold S3A's
    // directory marker "a/" next to "a/b" and list folders without a size
    context = ContextBuilder.newBuilder("transient").credentials(ACCESS_KEY, SECRET_KEY)
        .build(BlobStoreContext.class);
    proxy = S3Proxy.builder().blobStore(context.getBlobStore()).endpoint(URI.create("http://127.0.0.1:0"))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY).build();
    proxy.start();
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!"STARTED".equals(proxy.getState())) {
      if (System.nanoTime() > deadline) {
        throw new IOException("s3proxy did not start: " + proxy.getState());
      }
      Thread.sleep(20);
    }
    // unique per server: Hadoop caches a FileSystem per bucket, with the endpoint it was created for
    bucket = "posespark-" + UUID.randomUUID().toString().substring(0, 8);
    context.getBlobStore().createContainerInLocation(null, bucket);
    settings.put("fs.s3a.endpoint", "http://127.0.0.1:" + proxy.getPort());
    settings.put("fs.s3a.endpoint.region", "us-east-1");
    settings.put("fs.s3a.path.style.access", "true");
    settings.put("fs.s3a.connection.ssl.enabled", "false");
    settings.put("fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
    settings.put("fs.s3a.access.key", ACCESS_KEY);
    settings.put("fs.s3a.secret.key", SECRET_KEY);
    // AWS SDK >= 2.30 puts x-amz-checksum-crc32 on bulk deletes (DeleteObjects), which s3proxy 2.9.0 (like other
    // stores that predate these checksums) answers with 501 Not Implemented; single deletes carry no such header
    settings.put("fs.s3a.multiobjectdelete.enable", "false");
    // fail at once: retries turn a server error into minutes of waiting
    settings.put("fs.s3a.attempts.maximum", "1");
    settings.put("fs.s3a.retry.limit", "1");
    // else S3A buffers uploads under /tmp/hadoop-<user>
    settings.put("fs.s3a.buffer.dir", Files.createDirectories(dir.resolve("s3a-buffer")).toString());
  }

  /** Starts a server; S3A's upload buffers and {@code hadoop.tmp.dir} go under {@code dir}. */
  public static S3ProxyServer start(Path dir) throws Exception {
    return new S3ProxyServer(dir);
  }

  /** {@code s3a://<bucket>}, without a trailing slash. */
  public String root() {
    return "s3a://" + bucket;
  }

  /** The {@code fs.s3a.*} settings that reach this server. */
  public Map<String, String> settings() {
    return settings;
  }

  /** A Hadoop configuration with {@link #settings()} and {@code hadoop.tmp.dir} under the server's folder. */
  public Configuration conf() {
    Configuration conf = new Configuration();
    settings.forEach(conf::set);
    conf.set("hadoop.tmp.dir", Path.of(settings.get("fs.s3a.buffer.dir")).resolveSibling("hadoop-tmp").toString());
    return conf;
  }

  @Override
  public void close() throws Exception {
    proxy.stop();
    context.close();
  }
}

package ai.posespark.data;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Opening annotation files through Hadoop's FileSystem (so {@code file:}, {@code hdfs://} and {@code s3a://}
 * all work) and walking large JSON files one record at a time, so that a file with millions of annotations
 * never has to exist as one JSON tree in memory.
 */
public final class AnnotationFiles {
  /** Shared, thread-safe once configured. */
  public static final ObjectMapper JSON = new ObjectMapper();

  private AnnotationFiles() {}

  /** Opens {@code uri} for reading. The caller closes the stream. */
  public static InputStream open(String uri, Configuration conf) {
    try {
      Path p = new Path(uri);
      return p.getFileSystem(conf).open(p);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open annotation file " + uri + ": " + e.getMessage(), e);
    }
  }

  /** True when {@code uri} names a directory. */
  public static boolean isDirectory(String uri, Configuration conf) {
    try {
      Path p = new Path(uri);
      return p.getFileSystem(conf).getFileStatus(p).isDirectory();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stat " + uri + ": " + e.getMessage(), e);
    }
  }

  /** The {@code .json} files directly inside directory {@code uri}, sorted by name. */
  public static List<String> jsonFilesIn(String uri, Configuration conf) {
    try {
      Path dir = new Path(uri);
      FileSystem fs = dir.getFileSystem(conf);
      List<String> out = new ArrayList<>();
      for (FileStatus s : fs.listStatus(dir)) {
        if (s.isFile() && s.getPath().getName().endsWith(".json")) {
          out.add(s.getPath().toString());
        }
      }
      out.sort(null);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + uri + ": " + e.getMessage(), e);
    }
  }

  /** Reads a whole (small) JSON file as a tree. */
  public static JsonNode readTree(String uri, Configuration conf) {
    try (InputStream in = open(uri, conf)) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new AnnotationFormatException(uri, "not valid JSON: " + e.getMessage(), e);
    }
  }

  /**
   * Walks a JSON file whose top level is an object: each top-level field is handed to {@code visitor}
   * with the parser positioned on the field's value, which the visitor must consume (or skip).
   */
  public static void forEachTopLevelField(String uri, Configuration conf, FieldVisitor visitor) {
    try (InputStream in = open(uri, conf); JsonParser p = JSON.getFactory().createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new AnnotationFormatException(uri, "expected a JSON object at the top level", null);
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        visitor.visit(name, p);
      }
    } catch (IOException e) {
      throw new AnnotationFormatException(uri, "not valid JSON: " + e.getMessage(), e);
    }
  }

  /**
   * With the parser on a START_ARRAY token, reads the array's elements one at a time as trees.
   * A value other than an array is an error naming {@code field}.
   */
  public static void forEachElement(String uri, String field, JsonParser p, Consumer<JsonNode> element)
      throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw new AnnotationFormatException(uri, "(top level)", field, "expected an array");
    }
    while (p.nextToken() != JsonToken.END_ARRAY) {
      element.accept(JSON.readTree(p));
    }
  }

  /** Reads a JSON file whose top level is an array, one element at a time. */
  public static void forEachArrayElement(String uri, Configuration conf, Consumer<JsonNode> element) {
    try (InputStream in = open(uri, conf); JsonParser p = JSON.getFactory().createParser(in)) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        throw new AnnotationFormatException(uri, "expected a JSON array at the top level", null);
      }
      while (p.nextToken() != JsonToken.END_ARRAY) {
        element.accept(JSON.readTree(p));
      }
    } catch (IOException e) {
      throw new AnnotationFormatException(uri, "not valid JSON: " + e.getMessage(), e);
    }
  }

  /** Callback of {@link #forEachTopLevelField}. */
  @FunctionalInterface
  public interface FieldVisitor {
    /** Consumes the value of top-level field {@code name}; the parser is on its first token. */
    void visit(String name, JsonParser parser) throws IOException;
  }
}

package ai.posespark.jobfile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads a YAML job file, applies {@code --set key=value} overrides, binds it to {@link JobSpec} and validates it.
 * Everything that can be wrong with a job file fails here, before Spark starts, with a {@link JobSpecException}
 * naming the key.
 */
public final class JobSpecLoader {
  /** Job files are a few KB: a file above 1 MiB is not one, and is not read whole. */
  static final int MAX_BYTES = 1 << 20;
  /** Levels of lists and mappings a job file may nest (its keys go four deep). */
  static final int MAX_DEPTH = 20;
  // Aliases are not expanded: Jackson reads YAML as a stream of events and binds an alias as its anchor's name, so a
  // "billion laughs" stays the few lines it is (HostileJobFileTest)
  private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder().loaderOptions(limits())
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build()).build())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .registerModule(new KeyGroups());

  private JobSpecLoader() {}

  /** Loads {@code file} and applies {@code overrides} ({@code key=value}, value in YAML syntax). */
  public static JobSpec load(Path file, List<String> overrides) throws IOException {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    }
    if (bytes.length > MAX_BYTES) {
      throw new JobSpecException("(file)", file + " is over " + MAX_BYTES + " bytes: not a job file");
    }
    return parse(utf8(bytes, file), overrides);
  }

  /** The text of a job file, which must be UTF-8 (or ASCII). */
  private static String utf8(byte[] bytes, Path file) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    try {
      return decoder.decode(in).toString();
    } catch (CharacterCodingException e) {
      int at = in.position();
      int line = 1;
      for (int i = 0; i < at; i++) {
        line += bytes[i] == '\n' ? 1 : 0;
      }
      throw new JobSpecException("(file)", String.format("%s is not UTF-8: byte 0x%02x at offset %d (line %d); save "
          + "it as UTF-8", file, bytes[Math.min(at, bytes.length - 1)] & 0xff, at, line));
    }
  }

  /** SnakeYAML's words for a limit of {@link #limits} in ours; other messages as they are. */
  private static String limitHit(String message) {
    if (message != null && message.contains("nesting depth")) {
      return "nested deeper than " + MAX_DEPTH + " levels of lists and mappings: refused";
    }
    if (message != null && message.contains("The incoming YAML document exceeds the limit")) {
      return "over " + MAX_BYTES + " characters: not a job file";
    }
    return message;
  }

  private static LoaderOptions limits() {
    LoaderOptions limits = new LoaderOptions();
    limits.setCodePointLimit(MAX_BYTES);
    limits.setNestingDepthLimit(MAX_DEPTH);
    return limits;
  }

  /** Parses job YAML text and applies {@code overrides}. */
  public static JobSpec parse(String yaml, List<String> overrides) {
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      throw new JobSpecException("(file)", "not valid YAML: " + limitHit(e.getOriginalMessage()));
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      root = JsonNodeFactory.instance.objectNode();
    }
    if (!root.isObject()) {
      throw new JobSpecException("(file)", "the top level must be a mapping of keys, not " + root.getNodeType());
    }
    for (String override : overrides) {
      applyOverride((ObjectNode) root, override);
    }
    JobSpec spec = bind(root);
    JobSpecValidator.validate(spec);
    return spec;
  }

  private static void applyOverride(ObjectNode root, String override) {
    int eq = override.indexOf('=');
    if (eq <= 0) {
      throw new JobSpecException(override, "an override must look like key=value (e.g. execution.batchSize=16)");
    }
    String key = override.substring(0, eq).trim();
    String text = override.substring(eq + 1);
    JsonNode value;
    try {
      value = text.isBlank() ? JsonNodeFactory.instance.nullNode() : YAML.readTree(text);
    } catch (JsonProcessingException e) {
      throw new JobSpecException(key, "override value is not valid YAML: " + limitHit(e.getOriginalMessage()));
    }
    String[] parts = key.split("\\.");
    ObjectNode node = root;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonNode child = node.get(parts[i]);
      if (child == null || child.isNull()) {
        child = node.putObject(parts[i]);
      } else if (!child.isObject()) {
        throw new JobSpecException(String.join(".", List.of(parts).subList(0, i + 1)),
            "is a value, so '" + key + "' cannot be set below it");
      }
      node = (ObjectNode) child;
    }
    node.set(parts[parts.length - 1], value);
  }

  private static JobSpec bind(JsonNode root) {
    try {
      return YAML.treeToValue(root, JobSpec.class);
    } catch (UnrecognizedPropertyException e) {
      String known = e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream()
          .map(Object::toString).sorted().collect(Collectors.joining(", "));
      throw new JobSpecException(path(e), "unknown key (known keys here: " + known + ")");
    } catch (InvalidFormatException e) {
      Class<?> target = e.getTargetType();
      String expected = target != null && target.isEnum() ? "one of " + enumValues(target) : describe(target);
      throw new JobSpecException(path(e), "'" + e.getValue() + "' is not " + expected);
    } catch (MismatchedInputException e) {
      throw new JobSpecException(path(e), "expected " + describe(e.getTargetType()) + ": " + e.getOriginalMessage());
    } catch (ValueInstantiationException e) {
      // a key group's record refused its values: its own message names the key and the range
      Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
      throw new JobSpecException(path(e), cause == e ? e.getOriginalMessage() : cause.getMessage());
    } catch (JsonMappingException e) {
      throw new JobSpecException(path(e), e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      throw new JobSpecException("(file)", e.getOriginalMessage());
    }
  }

  /** The dotted key of a binding error, e.g. {@code input.paths[1]}. */
  private static String path(JsonMappingException e) {
    StringBuilder key = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (key.length() > 0) {
          key.append('.');
        }
        key.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        key.append('[').append(ref.getIndex()).append(']');
      }
    }
    return key.length() == 0 ? "(file)" : key.toString();
  }

  private static String enumValues(Class<?> type) {
    return java.util.Arrays.stream(type.getEnumConstants())
        .map(c -> {
          try {
            var p = type.getField(((Enum<?>) c).name())
                .getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
            return p != null ? p.value() : c.toString();
          } catch (NoSuchFieldException ex) {
            return c.toString();
          }
        })
        .collect(Collectors.joining(" | "));
  }

  private static String describe(Class<?> type) {
    if (type == null) {
      return "a different type";
    }
    if (type.isEnum()) {
      return "one of " + enumValues(type);
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "an integer";
    }
    if (type == Double.class || type == double.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a string";
    }
    if (List.class.isAssignableFrom(type)) {
      return "a list";
    }
    return "a mapping (" + type.getSimpleName() + ")";
  }
}

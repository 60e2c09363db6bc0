package ai.posespark.jobfile;

import ai.posespark.pose.PoseNmsChoice;
import ai.posespark.pose.ilp.IlpSettings;
import ai.posespark.pose.paf.PafSettings;
import ai.posespark.track.TrackingSettings;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;

/**
 * The job file's key groups, bound straight onto the settings record of the stage that reads them, the user's keys
 * laid over the record's defaults. A group's keys, defaults, documentation and range checks live in its record
 * alone (its compact constructor throws {@link IllegalArgumentException}, which the loader reports under the
 * group's key); a new key is a record component and a README line, a new group one entry here.
 */
final class KeyGroups extends SimpleModule {
  /** Each group's record type and the defaults a key left out keeps. */
  private static final Map<Class<?>, Object> DEFAULTS = Map.of(
      PafSettings.class, PafSettings.DEFAULTS,
      IlpSettings.class, IlpSettings.DEFAULTS,
      PoseNmsChoice.class, PoseNmsChoice.DEFAULT,
      TrackingSettings.class, TrackingSettings.DEFAULTS);

  KeyGroups() {
    super("posespark-key-groups");
    setDeserializerModifier(new BeanDeserializerModifier() {
      @Override
      public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription bean,
                                                    JsonDeserializer<?> deserializer) {
        Object defaults = DEFAULTS.get(bean.getBeanClass());
        return defaults == null ? deserializer : new OverDefaults(deserializer, defaults);
      }
    });
  }

  /** The defaults of {@code type}'s group (tests and the README check read them). */
  static <T> T defaults(Class<T> type) {
    return type.cast(DEFAULTS.get(type));
  }

  /** Reads a group's mapping, lays its non-null keys over the defaults and binds the result. */
  private static final class OverDefaults extends DelegatingDeserializer {
    private final Object defaults;

    OverDefaults(JsonDeserializer<?> delegate, Object defaults) {
      super(delegate);
      this.defaults = defaults;
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
      return new OverDefaults(delegate, defaults);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonNode user = ctxt.readTree(p);
      JsonNode bound = user;
      if (user.isObject()) {
        ObjectNode merged = ((ObjectMapper) p.getCodec()).valueToTree(defaults);
        // a null value (e.g. --set tracking.lookBack=) keeps the default, as a key left out does
        user.fields().forEachRemaining(e -> {
          if (!e.getValue().isNull()) {
            merged.set(e.getKey(), e.getValue());
          }
        });
        bound = merged;
      }
      try (JsonParser tree = bound.traverse(p.getCodec())) {
        tree.nextToken();
        return _delegatee.deserialize(tree, ctxt);
      }
    }
  }
}

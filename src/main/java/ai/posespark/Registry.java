package ai.posespark;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Named entries in registration order, a name registered twice being a programming error: the one registry type, of
 * pipelines, pose and box decoders, metrics and TF.js ops (a job file or a graph names an entry; an unknown name
 * fails listing the rest).
 *
 * @param <T> the entry type
 */
public final class Registry<T> {
  private final String what;
  private final Map<String, T> entries;

  /**
   * @param what    what an entry is, for messages, e.g. {@code pose decoder}
   * @param entries the entries
   * @param name    an entry's name
   */
  public Registry(String what, List<T> entries, Function<T, String> name) {
    this(what, entries.stream().map(e -> Map.entry(name.apply(e), e)).toList());
  }

  /**
   * Entries whose names are given beside them (e.g. TF op name → kernel factory).
   *
   * @param what  what an entry is, for messages, e.g. {@code op}
   * @param named name and entry, in registration order
   */
  public Registry(String what, List<Map.Entry<String, T>> named) {
    Map<String, T> all = new LinkedHashMap<>();
    for (Map.Entry<String, T> e : named) {
      if (all.putIfAbsent(e.getKey(), e.getValue()) != null) {
        throw new IllegalStateException(what + " " + e.getKey() + " registered twice");
      }
    }
    this.what = what;
    this.entries = Collections.unmodifiableMap(all);
  }

  /** Registered names, in registration order. */
  public Set<String> names() {
    return entries.keySet();
  }

  /** The entry called {@code name}, or null. */
  public T get(String name) {
    return entries.get(name);
  }

  /**
   * The entry called {@code name}.
   *
   * @throws IllegalArgumentException naming the registered entries when there is none of that name
   */
  public T require(String name) {
    T e = entries.get(name);
    if (e == null) {
      throw new IllegalArgumentException("no " + what + " '" + name + "' (" + what + "s: " + String.join(", ", names())
          + ")");
    }
    return e;
  }
}

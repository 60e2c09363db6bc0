package ai.posespark.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CodecParametersTest {

  @Test
  void valuesAsYamlParsesThemAndDefaultsWhereAbsent() {
    CodecParameters p = new CodecParameters("d", Map.of("ratio", 2, "strides", List.of(8, 16.0), "udp", true,
        "mode", "dark"), "ratio", "strides", "udp", "mode", "absent");
    assertEquals(2.0, p.number("ratio", 1, 0, 10));
    assertArrayEquals(new int[] {8, 16}, p.integers("strides", new int[] {1}, 0, 1));
    assertTrue(p.flag("udp", false));
    assertEquals("dark", p.choice("mode", "shift", List.of("shift", "dark")));
    assertEquals(7, p.integer("absent", 7, 0));
    assertArrayEquals(new int[] {4, 5}, p.integers("absent", new int[] {4, 5}, 2, 0));
  }

  @Test
  void everyFailureNamesTheParameterAndTheReason() {
    assertFails(Map.of("typo", 1), "d: codec.typo is not a parameter of this decoder (it reads a)", p -> { });
    assertFails(Map.of("a", "x"), "d: codec.a must be a number in 0.0..1.0, got 'x'", p -> p.number("a", 0, 0, 1));
    assertFails(Map.of("a", 2.5), "d: codec.a must be a whole number of at least 1, got 2.5",
        p -> p.integer("a", 1, 1));
    assertFails(Map.of("a", List.of(1, 2, 3)), "d: codec.a must be a list of 2 whole numbers, got [1, 2, 3]",
        p -> p.integers("a", new int[2], 2, 1));
    assertFails(Map.of("a", List.of(8, 0)), "d: codec.a must be a whole number of at least 1 (item 1), got 0",
        p -> p.integers("a", new int[2], 0, 1));
    assertFails(Map.of("a", "yes"), "d: codec.a must be true or false, got 'yes'", p -> p.flag("a", false));
    assertFails(Map.of("a", "b"), "d: codec.a must be one of x, y, got 'b'", p -> p.choice("a", "x", List.of("x",
        "y")));
    Map<String, Object> empty = new HashMap<>();
    empty.put("a", null);
    assertFails(empty, "d: codec.a has no value", p -> p.flag("a", false));
  }

  private static void assertFails(Map<String, Object> codec, String message,
                                  java.util.function.Consumer<CodecParameters> read) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> read.accept(new CodecParameters("d", codec, "a")));
    assertEquals(message, e.getMessage());
  }
}

package ai.posespark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistryTest {
  @Test
  void entriesKeepRegistrationOrderAndAnUnknownNameListsTheRest() {
    Registry<String> r = new Registry<>("colour", List.of("red", "green", "blue"), c -> c);
    assertEquals(List.of("red", "green", "blue"), List.copyOf(r.names()));
    assertEquals("green", r.require("green"));
    assertNull(r.get("cyan"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.require("cyan"));
    assertEquals("no colour 'cyan' (colours: red, green, blue)", e.getMessage());
  }

  @Test
  void aNameGivenTwiceFailsWhetherDerivedOrGivenBeside() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> new Registry<>("colour", List.of("red", "red"), c -> c));
    assertEquals("colour red registered twice", e.getMessage());
    e = assertThrows(IllegalStateException.class,
        () -> new Registry<>("op", List.of(Map.entry("Relu", 1), Map.entry("Add", 2), Map.entry("Relu", 3))));
    assertEquals("op Relu registered twice", e.getMessage());
  }
}

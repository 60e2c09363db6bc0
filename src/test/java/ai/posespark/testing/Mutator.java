package ai.posespark.testing;

import java.util.Random;

/**
 * Seeded text mutations for fuzz tests: a fixed seed gives the same cases on every run, so a failure names a case
 * that can be replayed. Each mutation is one of: delete a span, duplicate a span, replace a character with one
 * that matters to JSON and YAML, or replace a number with an extreme one.
 */
public final class Mutator {
  private static final String SYNTAX = "{}[]\":,'-#&*!|>\n 0.9e";
  private static final String[] NUMBERS = {"-1", "0", "99999999999", "1e308", "-2147483649", "NaN", "null", "\"7\""};

  private final Random random;

  public Mutator(long seed) {
    this.random = new Random(seed);
  }

  /** {@code text} with 1 to 3 mutations applied. */
  public String mutate(String text) {
    String out = text;
    for (int n = 1 + random.nextInt(3); n > 0 && !out.isEmpty(); n--) {
      out = once(out);
    }
    return out;
  }

  /** A byte array's length changed: cut or extended with random bytes. */
  public byte[] resize(byte[] bytes) {
    int length = random.nextInt(bytes.length * 2 + 2);
    byte[] out = new byte[length];
    random.nextBytes(out);
    System.arraycopy(bytes, 0, out, 0, Math.min(length, bytes.length));
    return out;
  }

  public boolean chance(double p) {
    return random.nextDouble() < p;
  }

  private String once(String s) {
    int at = random.nextInt(s.length());
    int span = Math.min(s.length() - at, 1 + random.nextInt(12));
    switch (random.nextInt(4)) {
      case 0 -> {
        return s.substring(0, at) + s.substring(at + span);
      }
      case 1 -> {
        return s.substring(0, at + span) + s.substring(at, at + span) + s.substring(at + span);
      }
      case 2 -> {
        return s.substring(0, at) + SYNTAX.charAt(random.nextInt(SYNTAX.length())) + s.substring(at + 1);
      }
      default -> {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("-?\\d+(\\.\\d+)?").matcher(s);
        int count = 0;
        while (m.find()) {
          count++;
        }
        if (count == 0) {
          return s;
        }
        m.reset();
        int pick = random.nextInt(count);
        for (int k = 0; k <= pick; k++) {
          m.find();
        }
        return s.substring(0, m.start()) + NUMBERS[random.nextInt(NUMBERS.length)] + s.substring(m.end());
      }
    }
  }
}

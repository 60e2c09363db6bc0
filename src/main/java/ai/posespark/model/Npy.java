package ai.posespark.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes NumPy {@code .npy} files, format version 1.0, C order, little-endian, for the element types
 * {@code <f4} (float32), {@code <i4} (int32), {@code <i8} (int64) and {@code |u1} (uint8).
 *
 * <p>Used by the golden-file tests and the model command line ({@code model-cli.sh run}), so both read and write
 * exactly what {@code numpy.load}/{@code numpy.save} accept.
 */
public final class Npy {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

  private Npy() {}

  /**
   * An array read from or to be written to a {@code .npy} file: shape, element type and the raw little-endian
   * C-order bytes.
   *
   * @param shape the dimensions ({@code []} for a scalar)
   * @param dataType one of FLOAT32, INT32, INT64, UINT8
   * @param data little-endian element bytes, {@code prod(shape) * dataType.getNumOfBytes()} long
   */
  public record Array(long[] shape, DataType dataType, byte[] data) {
    /** Checks that the byte count matches shape and type. */
    public Array {
      descriptor(dataType);
      long expected = new Shape(shape).size() * dataType.getNumOfBytes();
      if (data.length != expected) {
        throw new IllegalArgumentException("npy: " + data.length + " bytes for shape "
            + Arrays.toString(shape) + " of " + dataType + ", expected " + expected);
      }
    }

    /** Wraps float32 values. */
    public static Array of(float[] values, long... shape) {
      ByteBuffer b = buffer(values.length * 4);
      b.asFloatBuffer().put(values);
      return new Array(shape, DataType.FLOAT32, b.array());
    }

    /** Wraps int32 values. */
    public static Array of(int[] values, long... shape) {
      ByteBuffer b = buffer(values.length * 4);
      b.asIntBuffer().put(values);
      return new Array(shape, DataType.INT32, b.array());
    }

    /** Wraps int64 values. */
    public static Array of(long[] values, long... shape) {
      ByteBuffer b = buffer(values.length * 8);
      b.asLongBuffer().put(values);
      return new Array(shape, DataType.INT64, b.array());
    }

    /** Wraps uint8 values. */
    public static Array of(byte[] values, long... shape) {
      return new Array(shape, DataType.UINT8, values.clone());
    }

    /** Copies an NDArray (any device) to host memory. */
    public static Array of(NDArray array) {
      return new Array(array.getShape().getShape(), array.getDataType(), array.toByteArray());
    }

    /** Number of elements. */
    public long size() {
      return new Shape(shape).size();
    }

    /** Values as float, converting from any of the supported types. */
    public float[] toFloatArray() {
      ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
      float[] out = new float[(int) size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = switch (dataType) {
          case FLOAT32 -> b.getFloat(i * 4);
          case INT32 -> b.getInt(i * 4);
          case INT64 -> b.getLong(i * 8);
          default -> data[i] & 0xff;
        };
      }
      return out;
    }

    /** Values as int32; only for INT32 data. */
    public int[] toIntArray() {
      requireType(DataType.INT32);
      int[] out = new int[(int) size()];
      ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(out);
      return out;
    }

    /** Values as int64; only for INT64 data. */
    public long[] toLongArray() {
      requireType(DataType.INT64);
      long[] out = new long[(int) size()];
      ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(out);
      return out;
    }

    /**
     * Creates an NDArray with these values in {@code manager}. It owns its memory: DJL's CPU {@code create}
     * only wraps the Java buffer, which views of the array would outlive.
     */
    public NDArray toNDArray(NDManager manager) {
      ByteBuffer b = manager.allocateDirect(data.length);
      b.put(data).rewind();
      NDArray wrapped = manager.create(b.order(ByteOrder.LITTLE_ENDIAN), new Shape(shape), dataType);
      NDArray owned = wrapped.duplicate();
      wrapped.close();
      return owned;
    }

    private void requireType(DataType type) {
      if (dataType != type) {
        throw new IllegalStateException("npy array is " + dataType + ", not " + type);
      }
    }
  }

  /** Reads a {@code .npy} file. */
  public static Array read(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    if (bytes.length < 10 || !Arrays.equals(Arrays.copyOf(bytes, 6), MAGIC)) {
      throw new IOException(file + ": not a .npy file");
    }
    if (bytes[6] != 1) {
      throw new IOException(file + ": .npy version " + bytes[6] + "." + bytes[7] + " unsupported (want 1.0)");
    }
    int headerLength = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8;
    String header = new String(bytes, 10, headerLength, StandardCharsets.US_ASCII);
    DataType type = dataType(group(DESCR, header, file), file);
    if ("True".equals(group(FORTRAN, header, file))) {
      throw new IOException(file + ": Fortran-order arrays unsupported");
    }
    long[] shape = Arrays.stream(group(SHAPE, header, file).split(","))
        .map(String::trim).filter(s -> !s.isEmpty()).mapToLong(Long::parseLong).toArray();
    int start = 10 + headerLength;
    long length = new Shape(shape).size() * type.getNumOfBytes();
    if (bytes.length - start != length) {
      throw new IOException(file + ": " + (bytes.length - start) + " data bytes, header says " + length);
    }
    return new Array(shape, type, Arrays.copyOfRange(bytes, start, bytes.length));
  }

  /** Reads a {@code .npy} file into an NDArray of {@code manager}. */
  public static NDArray read(NDManager manager, Path file) throws IOException {
    return read(file).toNDArray(manager);
  }

  /** Writes {@code array} as a {@code .npy} file (parent folders must exist). */
  public static void write(Path file, Array array) throws IOException {
    String shape = Arrays.stream(array.shape()).mapToObj(Long::toString)
        .reduce((a, b) -> a + ", " + b).orElse("");
    if (array.shape().length == 1) {
      shape += ",";
    }
    StringBuilder header = new StringBuilder("{'descr': '" + descriptor(array.dataType())
        + "', 'fortran_order': False, 'shape': (" + shape + "), }");
    // magic(6) + version(2) + length(2) + header + '\n' must be a multiple of 64
    while ((10 + header.length() + 1) % 64 != 0) {
      header.append(' ');
    }
    header.append('\n');
    byte[] head = header.toString().getBytes(StandardCharsets.US_ASCII);
    ByteBuffer out = ByteBuffer.allocate(10 + head.length + array.data().length).order(ByteOrder.LITTLE_ENDIAN);
    out.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) head.length).put(head).put(array.data());
    Files.write(file, out.array());
  }

  /** Writes an NDArray (copied to the host) as a {@code .npy} file. */
  public static void write(Path file, NDArray array) throws IOException {
    write(file, Array.of(array));
  }

  private static String descriptor(DataType type) {
    return switch (type) {
      case FLOAT32 -> "<f4";
      case INT32 -> "<i4";
      case INT64 -> "<i8";
      case UINT8 -> "|u1";
      default -> throw new IllegalArgumentException("npy: unsupported element type " + type);
    };
  }

  private static DataType dataType(String descr, Path file) throws IOException {
    return switch (descr) {
      case "<f4" -> DataType.FLOAT32;
      case "<i4" -> DataType.INT32;
      case "<i8" -> DataType.INT64;
      case "|u1", "<u1" -> DataType.UINT8;
      default -> throw new IOException(file + ": unsupported dtype " + descr);
    };
  }

  private static String group(Pattern pattern, String header, Path file) throws IOException {
    Matcher m = pattern.matcher(header);
    if (!m.find()) {
      throw new IOException(file + ": malformed .npy header: " + header.trim());
    }
    return m.group(1);
  }

  private static ByteBuffer buffer(int bytes) {
    return ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
  }
}

package ai.posespark.detect;

import ai.posespark.Registry;
import ai.posespark.model.CodecParameters;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The person-box decoders a detector's catalog entry can name ({@code decoder:} in {@code conf/models.yaml}), each
 * a name and a factory; a name defined twice is a programming error, as in {@link ai.posespark.pose.PoseDecoders}.
 */
public final class BoxDecoders {

  /**
   * One registered decoder.
   *
   * @param name    catalog name
   * @param factory builds the decoder for one model input
   */
  public record Entry(String name, Function<BoxDecoderSettings, BoxDecoder> factory) {}

  private final Registry<Entry> entries;

  /** A registry of {@code entries}; a name given twice fails. */
  public BoxDecoders(List<Entry> entries) {
    this.entries = new Registry<>("box decoder", entries, Entry::name);
  }

  /** Every decoder of this package. */
  public static BoxDecoders standard() {
    return Holder.STANDARD;
  }

  /** Registered names. */
  public Set<String> names() {
    return entries.names();
  }

  /** The entry called {@code name}, or null. */
  public Entry entry(String name) {
    return entries.get(name);
  }

  /**
   * The decoder called {@code name} built for {@code settings}.
   *
   * @throws IllegalArgumentException naming the registered decoders when there is none of that name
   */
  public BoxDecoder create(String name, BoxDecoderSettings settings) {
    return entries.require(name).factory().apply(settings);
  }

  /** {@code entries} refusing any {@code codec:} parameter: decoders that read none must not ignore one. */
  private static List<Entry> withoutCodec(List<Entry> entries) {
    return entries.stream().map(e -> new Entry(e.name(), s -> {
      new CodecParameters(e.name(), s.codec());
      return e.factory().apply(s);
    })).toList();
  }

  private static final class Holder {
    /** The npm detectors' decoders: no {@code codec:} parameters. */
    private static final List<Entry> FIXED = withoutCodec(List.of(
        new Entry("centernet", CenterNetDecoder::new),
        new Entry("nanodet", NanoDetDecoder::new),
        new Entry("blazepose-detector", BlazePoseDetectorDecoder::new)));
    /** The heads of the detectors users bring, each reading its {@code codec:} parameters. */
    private static final List<Entry> CODECS = List.of(
        new Entry("yolox", YoloxDecoder::new),
        new Entry("rtmdet", RtmdetDecoder::new));
    static final BoxDecoders STANDARD = new BoxDecoders(Stream.concat(FIXED.stream(), CODECS.stream()).toList());
  }
}

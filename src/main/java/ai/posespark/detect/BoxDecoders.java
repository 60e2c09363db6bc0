package ai.posespark.detect;

import ai.posespark.Registry;
import ai.posespark.model.CodecParameters;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The person-box decoders a detector's catalog entry can name ({@code decoder:} in {@code conf/models.yaml}), each
 * a name and a factory, in the {@link Registry} {@link #STANDARD}.
 */
public final class BoxDecoders {
  private BoxDecoders() {}

  /**
   * One registered decoder.
   *
   * @param name    catalog name
   * @param factory builds the decoder for one model input
   */
  public record Entry(String name, Function<BoxDecoderSettings, BoxDecoder> factory) {
    /** The decoder built for {@code settings}. */
    public BoxDecoder create(BoxDecoderSettings settings) {
      return factory.apply(settings);
    }
  }

  /** {@code entries} refusing any {@code codec:} parameter: decoders that read none must not ignore one. */
  private static List<Entry> withoutCodec(List<Entry> entries) {
    return entries.stream().map(e -> new Entry(e.name(), s -> {
      new CodecParameters(e.name(), s.codec());
      return e.factory().apply(s);
    })).toList();
  }

  /** The npm detectors' decoders: no {@code codec:} parameters. */
  private static final List<Entry> FIXED = withoutCodec(List.of(
      new Entry("centernet", CenterNetDecoder::new),
      new Entry("nanodet", NanoDetDecoder::new),
      new Entry("blazepose-detector", BlazePoseDetectorDecoder::new)));
  /** The heads of the detectors users bring, each reading its {@code codec:} parameters. */
  private static final List<Entry> CODECS = List.of(
      new Entry("yolox", YoloxDecoder::new),
      new Entry("rtmdet", RtmdetDecoder::new));

  /** Every decoder of this package. */
  public static final Registry<Entry> STANDARD = new Registry<>("box decoder",
      Stream.concat(FIXED.stream(), CODECS.stream()).toList(), Entry::name);
}

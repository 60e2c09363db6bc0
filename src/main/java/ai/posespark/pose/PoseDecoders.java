package ai.posespark.pose;

import ai.posespark.Registry;
import ai.posespark.model.CodecParameters;
import ai.posespark.pose.head.HeatmapDecoder;
import ai.posespark.pose.head.SimccDecoder;
import ai.posespark.pose.head.YoloPoseDecoder;
import ai.posespark.pose.ilp.IlpPoseNetDecoder;
import ai.posespark.pose.paf.OpenPoseDecoder;
import ai.posespark.pose.paf.OpenPoseLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The decoders a catalog entry can name ({@code decoder:} in {@code conf/models.yaml}), each a name and a factory;
 * a name defined twice is a programming error, as in the op registry. {@code blazepose} and {@code efficientpose}
 * write COCO-17 (the catalog's choice, so evaluation works unchanged); {@code blazepose-33} and
 * {@code efficientpose-16} write the models' own keypoints. {@code posenet-ilp} reads PoseNet's outputs but groups
 * parts with the DeepCut-style ILP ({@code model.grouping: ilp}); a catalog entry keeps naming {@code posenet}.
 * {@code openpose} reads an OpenPose-style model's confidence maps and PAFs as the entry's {@code output} key lays
 * them out, grouped by PAFs ({@code paf}) or, as {@code openpose-ilp}, by the ILP over the PAF scores.
 * {@code heatmap}, {@code simcc} and {@code yolo-pose} are the heads of the models users bring (MMPose's codec
 * names, {@code pose.head}), each reading its parameters from the entry's {@code codec:} key.
 */
public final class PoseDecoders {
  /** Most people PoseNet reports per frame. */
  public static final int POSENET_MAX_PEOPLE = 20;

  /**
   * One registered decoder.
   *
   * @param name         catalog name
   * @param singlePerson whether it finds exactly one person per input (what a top-down pipeline runs on crops)
   * @param grouping     how it groups parts into people when it is a bottom-up grouper ({@code greedy}, {@code ilp}),
   *                     else null
   *                     (single-person decoders, and graphs that group in-graph as MoveNet multipose)
   * @param factory      builds the decoder for one model input
   */
  public record Entry(String name, boolean singlePerson, String grouping,
                      Function<DecoderSettings, PoseDecoder> factory) {}

  private final Registry<Entry> entries;

  /** A registry of {@code entries}; a name given twice fails. */
  public PoseDecoders(List<Entry> entries) {
    this.entries = new Registry<>("pose decoder", entries, Entry::name);
  }

  /** Every decoder of this package. */
  public static PoseDecoders standard() {
    return Holder.STANDARD;
  }

  /** Registered names. */
  public Set<String> names() {
    return entries.names();
  }

  /**
   * The decoder that reads what decoder {@code base} reads and groups parts by {@code grouping}: {@code base}
   * itself when it groups so, else the entry {@code base-grouping} (e.g. {@code posenet-ilp}); null when none.
   */
  public String withGrouping(String base, String grouping) {
    Entry own = entry(base);
    if (own != null && grouping.equals(own.grouping())) {
      return base;
    }
    Entry other = entry(base + "-" + grouping);
    return other != null && grouping.equals(other.grouping()) ? other.name() : null;
  }

  /** The groupings a model whose catalog decoder is {@code base} can use, its own first. */
  public List<String> groupingsOf(String base) {
    List<String> out = new ArrayList<>();
    Entry own = entry(base);
    if (own != null && own.grouping() != null) {
      out.add(own.grouping());
    }
    for (String name : names()) {
      Entry e = entry(name);
      if (name.startsWith(base + "-") && e.grouping() != null && withGrouping(base, e.grouping()) != null
          && !out.contains(e.grouping())) {
        out.add(e.grouping());
      }
    }
    return out;
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
  public PoseDecoder create(String name, DecoderSettings settings) {
    return entries.require(name).factory().apply(settings);
  }

  private static OpenPoseLayout openPoseLayout(DecoderSettings s) {
    return OpenPoseLayout.from("the catalog entry of an openpose model", s.outputLayout());
  }

  /** {@code entries} refusing any {@code codec:} parameter: decoders that read none must not ignore one. */
  private static List<Entry> withoutCodec(List<Entry> entries) {
    return entries.stream().map(e -> new Entry(e.name(), e.singlePerson(), e.grouping(), s -> {
      new CodecParameters(e.name(), s.codec());
      return e.factory().apply(s);
    })).toList();
  }

  private static final class Holder {
    /** The npm models' and OpenPose-style decoders: no {@code codec:} parameters. */
    private static final List<Entry> FIXED = withoutCodec(List.of(
        new Entry("movenet-single", true, null,
            s -> new MoveNetDecoder(false, s.inputWidth(), s.inputHeight(), s.minPersonScore())),
        new Entry("movenet-multi", false, null,
            s -> new MoveNetDecoder(true, s.inputWidth(), s.inputHeight(), s.minPersonScore())),
        new Entry("posenet", false, "greedy", s -> PoseNetDecoder.withDefaults(
            s.outputNames().isEmpty() ? PoseNetDecoder.HUMAN_MODELS_OUTPUT_NAMES : s.outputNames(),
            s.inputWidth(), s.inputHeight(), POSENET_MAX_PEOPLE, s.minPersonScore())),
        new Entry("posenet-ilp", false, "ilp", s -> new IlpPoseNetDecoder(s, s.groupers().ilp())),
        new Entry("openpose", false, "paf", s -> new OpenPoseDecoder(s, openPoseLayout(s), s.groupers().paf())),
        new Entry("openpose-ilp", false, "ilp", s -> new OpenPoseDecoder(s, openPoseLayout(s), s.groupers().paf(),
            s.groupers().ilp())),
        new Entry("blazepose", true, null,
            s -> new BlazePoseDecoder(BlazePoseDecoder.Layout.COCO_17, s.minPersonScore())),
        new Entry("blazepose-33", true, null,
            s -> new BlazePoseDecoder(BlazePoseDecoder.Layout.BLAZEPOSE_33, s.minPersonScore())),
        new Entry("efficientpose", true, null, s -> new EfficientPoseDecoder(EfficientPoseDecoder.Layout.COCO_17,
            s.inputWidth(), s.inputHeight(), s.minPersonScore())),
        new Entry("efficientpose-16", true, null, s -> new EfficientPoseDecoder(
            EfficientPoseDecoder.Layout.EFFICIENTPOSE_16, s.inputWidth(), s.inputHeight(), s.minPersonScore()))));
    /** The heads of the models users bring, each reading its {@code codec:} parameters. */
    private static final List<Entry> CODECS = List.of(
        new Entry("heatmap", true, null, HeatmapDecoder::new),
        new Entry("simcc", true, null, SimccDecoder::new),
        new Entry("yolo-pose", false, null, YoloPoseDecoder::new));
    static final PoseDecoders STANDARD = new PoseDecoders(Stream.concat(FIXED.stream(), CODECS.stream()).toList());
  }
}

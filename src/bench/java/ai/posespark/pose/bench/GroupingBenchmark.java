package ai.posespark.pose.bench;

import ai.posespark.pose.DecoderSettings;
import ai.posespark.pose.GroupingResult;
import ai.posespark.pose.PoseDecoder;
import ai.posespark.pose.PoseNetDecoder;
import ai.posespark.pose.ilp.IlpPoseNetDecoder;
import ai.posespark.pose.ilp.IlpSettings;
import ai.posespark.testing.GoldenOutputs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PoseNet grouping alone, greedy against the ILP (one program, incremental), on the TF.js golden outputs of
 * {@code ../shared/golden/tfjs/posenet} (two COCO images, one AIC image): prints the mean milliseconds per frame
 * after a warm-up that takes OR-Tools' one-off load, the people found (score ≥ 0.05, the jobs' threshold) and
 * the frames the greedy fallback decoded. Usage: {@code scripts/bench-grouping.sh [rounds=20]}.
 */
public final class GroupingBenchmark {
  private static final String[] FRAMES = {"000000000785", "000000197388", "054d9ce9201beffc76e5ff2169d2af2f027002ca"};

  private GroupingBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    List<List<float[]>> frames = new ArrayList<>();
    List<String> names = null;
    for (String stem : FRAMES) {
      GoldenOutputs g = GoldenOutputs.load("posenet", stem);
      frames.add(g.outputs());
      names = g.names();
    }
    DecoderSettings settings = new DecoderSettings(385, 385, names, 0.05);
    IlpSettings incremental = IlpSettings.DEFAULTS;
    IlpSettings oneProgram = new IlpSettings(incremental.partThreshold(), incremental.localMaximumRadius(),
        incremental.maxCandidates(), incremental.timeLimitMs(), incremental.sigma(),
        incremental.maxLinkProbability(), false);
    Map<String, PoseDecoder> decoders = new LinkedHashMap<>();
    decoders.put("greedy", PoseNetDecoder.withDefaults(names, 385, 385, PoseNetDecoder.MAX_PEOPLE, 0.05));
    decoders.put("ilp, one program", new IlpPoseNetDecoder(settings, oneProgram));
    decoders.put("ilp, incremental", new IlpPoseNetDecoder(settings, incremental));
    System.out.printf("%-18s %12s %8s %10s%n", "grouping", "ms / frame", "people", "fallbacks");
    for (Map.Entry<String, PoseDecoder> d : decoders.entrySet()) {
      for (List<float[]> f : frames) {
        d.getValue().group(f); // warm-up: JIT, OR-Tools' natives
      }
      int people = 0;
      int fallbacks = 0;
      long start = System.nanoTime();
      for (int r = 0; r < rounds; r++) {
        for (List<float[]> f : frames) {
          GroupingResult g = d.getValue().group(f);
          people += g.people().size();
          fallbacks += g.fallbackReason() != null ? 1 : 0;
        }
      }
      double ms = (System.nanoTime() - start) / 1e6 / (rounds * frames.size());
      System.out.printf("%-18s %12.2f %8d %10d%n", d.getKey(), ms, people / rounds, fallbacks / rounds);
    }
  }
}

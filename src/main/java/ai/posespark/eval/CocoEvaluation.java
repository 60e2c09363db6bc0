package ai.posespark.eval;

import ai.posespark.data.CocoDataset;
import ai.posespark.data.PersonAnnotation;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * COCO keypoint evaluation in one JVM (small sets, tests); {@link SparkCocoEvaluation} runs the same per-image
 * step distributed. Both give identical numbers.
 */
public final class CocoEvaluation {
  private CocoEvaluation() {}

  /** Key of pycocotools' per-(image, category) evaluation. */
  record ImageKey(long imageId, int categoryId) implements Serializable {}

  /** Ground truth as evaluation sees it, in file order (synthesised points dropped, see {@link EvalGt#of}). */
  public static List<EvalGt> groundTruth(CocoDataset gt) {
    List<EvalGt> out = new ArrayList<>(gt.annotations().size());
    List<PersonAnnotation> anns = gt.annotations();
    for (int i = 0; i < anns.size(); i++) {
      out.add(EvalGt.of(anns.get(i), i));
    }
    return out;
  }

  /** Category ids of a ground truth (pycocotools evaluates every one of them). */
  public static List<Integer> categoryIds(CocoDataset gt) {
    return gt.categories().stream().map(c -> c.id()).toList();
  }

  /** Evaluates {@code dts} against {@code gt} in this JVM. */
  public static CocoMetrics evaluate(CocoDataset gt, List<EvalDetection> dts, OksParams p) {
    Map<ImageKey, List<EvalGt>> gts = new HashMap<>();
    for (EvalGt g : groundTruth(gt)) {
      gts.computeIfAbsent(new ImageKey(g.imageId(), g.categoryId()), k -> new ArrayList<>()).add(g);
    }
    Map<ImageKey, List<EvalDetection>> ds = new HashMap<>();
    for (EvalDetection d : dts) {
      ds.computeIfAbsent(new ImageKey(d.imageId(), d.categoryId()), k -> new ArrayList<>()).add(d);
    }
    List<Integer> cats = categoryIds(gt);
    CocoAccumulator acc = new CocoAccumulator(p, cats);
    Set<ImageKey> keys = new HashSet<>(gts.keySet());
    keys.addAll(ds.keySet());
    for (ImageKey k : keys) {
      if (cats.contains(k.categoryId())) {
        acc.add(ImageEvaluator.evaluate(k.imageId(), k.categoryId(), gts.getOrDefault(k, List.of()),
            ds.getOrDefault(k, List.of()), p));
      }
    }
    return acc.result();
  }
}

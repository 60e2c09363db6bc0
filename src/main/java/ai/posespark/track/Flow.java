package ai.posespark.track;

import ai.posespark.pose.Person;
import java.util.ArrayList;
import java.util.List;

/** A pose flow: one tracked person's observations in frame order, as the online pass built it. */
final class Flow {
  /** One person of the flow: which frame (position in frame order, and index) and which person of it. */
  record Observation(int position, int frameIndex, int personIndex, Person person) {}

  final int id;
  final List<Observation> observations = new ArrayList<>();

  Flow(int id) {
    this.id = id;
  }

  void add(Observation o) {
    observations.add(o);
  }

  Observation first() {
    return observations.get(0);
  }

  Observation last() {
    return observations.get(observations.size() - 1);
  }

  /** The end at the last observation, its velocity from the one before. */
  FlowEnd tail() {
    Observation last = last();
    Observation before = observations.size() > 1 ? observations.get(observations.size() - 2) : null;
    return FlowEnd.of(last.person(), last.frameIndex(), before == null ? null : before.person(),
        before == null ? last.frameIndex() : before.frameIndex());
  }

  /** The end at the first observation, its velocity from the one after (so it predicts backwards). */
  FlowEnd head() {
    Observation first = first();
    Observation after = observations.size() > 1 ? observations.get(1) : null;
    return FlowEnd.of(first.person(), first.frameIndex(), after == null ? null : after.person(),
        after == null ? first.frameIndex() : after.frameIndex());
  }

  /** Mean person score. */
  double score() {
    double sum = 0;
    for (Observation o : observations) {
      sum += o.person().score();
    }
    return sum / observations.size();
  }
}

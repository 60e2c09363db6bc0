package ai.posespark.track;

import ai.posespark.pose.Person;

/**
 * One end of a pose flow: the person seen there, its frame, and the flow's velocity at that end (box centre motion
 * per frame-index unit between the end and its neighbour observation; 0 for a flow of one person). The velocity
 * predicts where the person is at another frame, forwards from a last observation or backwards from a first one.
 *
 * @param person     the person at this end
 * @param frameIndex its frame
 * @param vx         box centre pixels per frame, x
 * @param vy         box centre pixels per frame, y
 */
record FlowEnd(Person person, int frameIndex, double vx, double vy) {

  /** The end at {@code person} ({@code frameIndex}), with the velocity from its neighbour (null: none). */
  static FlowEnd of(Person person, int frameIndex, Person neighbour, int neighbourFrame) {
    if (neighbour == null || neighbourFrame == frameIndex) {
      return new FlowEnd(person, frameIndex, 0, 0);
    }
    double dt = frameIndex - neighbourFrame;
    return new FlowEnd(person, frameIndex, (centreX(person) - centreX(neighbour)) / dt,
        (centreY(person) - centreY(neighbour)) / dt);
  }

  /**
   * PoseFlow's matching grade between this end and {@code other} seen at {@code frame}: for an end of the previous
   * frame ({@code adjacent}) {@code boxWeight·IoU + poseWeight·poseIoU + motionBoxWeight·IoU' + motionPoseWeight
   * ·poseIoU'}, where ' compares against this end moved by its velocity to {@code frame}; for an older end
   * {@code lostBoxWeight·IoU + lostPoseWeight·poseIoU}.
   */
  double grade(Person other, int frame, boolean adjacent, TrackingSettings s) {
    double box = PoseSimilarity.boxIou(person.bbox(), other.bbox());
    double pose = PoseSimilarity.poseIou(person.keypoints(), other.keypoints(), 0, 0, s.keypointBoxSize(),
        s.topKeypoints());
    if (!adjacent) {
      return s.lostBoxWeight() * box + s.lostPoseWeight() * pose;
    }
    double dx = vx * (frame - frameIndex);
    double dy = vy * (frame - frameIndex);
    double movedBox = PoseSimilarity.boxIou(PoseSimilarity.shifted(person, dx, dy), other.bbox());
    double movedPose = PoseSimilarity.poseIou(person.keypoints(), other.keypoints(), dx, dy, s.keypointBoxSize(),
        s.topKeypoints());
    return s.boxWeight() * box + s.poseWeight() * pose + s.motionBoxWeight() * movedBox
        + s.motionPoseWeight() * movedPose;
  }

  private static double centreX(Person p) {
    return p.bbox().x() + p.bbox().w() / 2.0;
  }

  private static double centreY(Person p) {
    return p.bbox().y() + p.bbox().h() / 2.0;
  }
}

/**
 * Keypoints from model outputs: a {@code PoseDecoder} per family (MoveNet, BlazePose, EfficientPose, PoseNet greedy
 * or ILP, OpenPose PAF in {@code pose.paf}, the heads of users' models in {@code pose.head}) in model-input pixels;
 * {@code Person} mapped back to the frame through the input's transform; pose NMS ({@code PoseNmsChoice}: OKS or
 * AlphaPose's parametric).
 */
package ai.posespark.pose;

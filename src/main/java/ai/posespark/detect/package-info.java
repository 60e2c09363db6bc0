/**
 * Person boxes for top-down: box decoders of detector models (CenterNet, NanoDet, BlazePose detector, YOLOX,
 * RTMDet), box NMS, and detection files ({@code DetectionFile}: COCO detections keyed by image id).
 */
package ai.posespark.detect;

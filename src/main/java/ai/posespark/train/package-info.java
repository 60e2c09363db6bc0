/**
 * Fine-tuning ({@code input.kind: train}): crops and augmentation on the executors ({@code CropTask}), training on the
 * driver through the interpreter with weights fed for autograd ({@code TrainableGraph}, {@code PoseTrainer}),
 * validation before and after ({@code ValidationScorer}: COCO AP or PCKh), and the fine-tuned model written as a TF.js
 * graph the catalog loads ({@code FineTunedModelWriter}).
 */
package ai.posespark.train;

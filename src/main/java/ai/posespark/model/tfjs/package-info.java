/**
 * A TensorFlow.js graph-model interpreter on DJL's PyTorch engine: {@link ai.posespark.model.tfjs.TfjsGraphModel}
 * loads a converter-produced model.json with its weight shards and runs it as NDArray operations, on CPU or CUDA.
 *
 * <ul>
 *   <li>{@code graph}: model.json parsing ({@code ModelDefinition}), weights and their dequantization
 *       ({@code WeightLoader}: float16, uint8, uint16), topological order.
 *   <li>{@code ops}: the op registry, one class per op family ({@code ConvolutionOps}, {@code ArithmeticOps},
 *       {@code ShapeOps}, {@code SliceOps}, {@code ImageOps}, ...). A {@code KernelFactory} checks a node's
 *       attributes at load (an attribute nobody reads is an error, so new converter features fail loudly) and
 *       returns a {@code Kernel}. {@code Value} carries the layout trick that keeps conv chains NCHW.
 *   <li>{@code exec}: {@code ExecutionPlan} (validation, constant folding, slots and last-reader analysis) and
 *       {@code GraphExecutor} (one sub-manager per run, intermediates freed after their last reader).
 * </ul>
 *
 * <p>Conformance: the tests run every golden case of shared/golden/tfjs (11 models) and TF's definitions of the
 * ops whose semantics differ from PyTorch (SAME padding, resize modes, StridedSlice masks, floor division).
 *
 * <p>Speed notes: all time is in the kernels (the executor adds nothing measurable); large tensors come from
 * glibc malloc, so {@link ai.posespark.model.tfjs.MallocTuning#apply()} helps ~25% on CPU; fused activations are
 * separate passes (DJL exposes no in-place clamp or fused conv activation).
 */
package ai.posespark.model.tfjs;

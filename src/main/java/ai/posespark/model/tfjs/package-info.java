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
 *       returns a {@code Kernel}. {@code Value} carries the layout trick that keeps conv chains NCHW;
 *       {@code OneDnnConvolution} runs CPU convolutions as fused oneDNN primitives.
 *   <li>{@code exec}: {@code ExecutionPlan} (validation, constant folding, slots and last-reader analysis),
 *       {@code GraphExecutor} (one sub-manager per run, intermediates freed after their last reader) and
 *       {@code BatchSplit} (batches through graphs that pin batch 1).
 * </ul>
 *
 * <p>Conformance: the tests run every golden case of shared/golden/tfjs (11 models) and TF's definitions of the
 * ops whose semantics differ from PyTorch (SAME padding, resize modes, StridedSlice masks, floor division).
 *
 * <p>Speed notes: all time is in the kernels (the executor adds nothing measurable); large tensors come from
 * glibc malloc, so {@link ai.posespark.model.tfjs.MallocTuning#apply()} helps ~25% on CPU; convolutions fuse their
 * bias and activation in oneDNN (DJL's own convolution leaves the activation to separate passes); subnormal floats
 * cost a microcode assist each on x86, hence Exp's clamp.
 */
package ai.posespark.model.tfjs;

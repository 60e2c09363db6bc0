package ai.posespark.model.tfjs.exec;

import ai.posespark.model.tfjs.graph.NodeDef;
import ai.posespark.model.tfjs.ops.Kernel;

/**
 * One node to execute.
 *
 * @param node the node (for error messages)
 * @param kernel its kernel
 * @param inputs slot of each data input
 * @param outputs slot per output index, -1 for outputs nothing reads
 * @param releases slots whose last reader is this step: freed right after it
 */
record Step(NodeDef node, Kernel kernel, int[] inputs, int[] outputs, int[] releases) {}

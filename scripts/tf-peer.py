#!/usr/bin/env python3
"""Native TensorFlow on a TF.js graph model: the peer PoseSpark is timed against (figures only, not a product part).

  tf-peer.py --model DIR/m.json [--golden DIR] [--input input.npy] [--warmup N] [--iterations N] [--profile N]

Imports model.json itself: `modelTopology` is a proto3-JSON GraphDef; the weight shards are read in manifest
order, dequantized (float16, uint8/uint16 affine) and written into the Const nodes; TF.js-only ops
(`FusedDepthwiseConv2dNative`, and `_FusedConv2D` / `_FusedMatMul` whose attributes TF.js writes its own way) are
rewritten into their primitive ops, which TensorFlow's grappler (oneDNN on) fuses again as it would for its own
graph. Before timing, every golden case under --golden (its input.npy fed, every output_<i>_<name>.npy compared,
bound 1e-3 * max(1, max|golden|) as for PoseSpark) must match, else exit 3. Then one JSON line: batch-1 median
wall ms per image on 1 intra-op / 1 inter-op thread, with TensorFlow's version and the max golden difference.
--profile N prints instead TensorFlow's own per-op-family kernel times over N traced runs, grouped as PoseSpark's
profile groups them (scripts/bench-model.sh --profile shows both).
"""
import argparse
import glob
import json
import os
import sys
import time

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402
from google.protobuf import json_format  # noqa: E402

DTYPES = {"float32": np.float32, "int32": np.int32, "bool": np.bool_, "int64": np.int64}


def read_weights(model_path, manifest):
    """name -> numpy array, every weight of every group, dequantized as TF.js does on load."""
    weights = {}
    folder = os.path.dirname(model_path)
    for group in manifest:
        data = b"".join(open(os.path.join(folder, p), "rb").read() for p in group["paths"])
        offset = 0
        for spec in group["weights"]:
            shape = [int(d) for d in spec["shape"]]
            count = int(np.prod(shape)) if shape else 1
            quant = spec.get("quantization")
            if quant:
                qtype = np.dtype(quant["dtype"])
                raw = np.frombuffer(data, qtype, count, offset)
                offset += count * qtype.itemsize
                if quant["dtype"] == "float16":
                    values = raw.astype(np.float32)
                else:  # affine: value = q * scale + min
                    values = raw.astype(np.float32) * np.float32(quant["scale"]) + np.float32(quant["min"])
                values = values.astype(DTYPES[quant.get("original_dtype", spec["dtype"])])
            else:
                dtype = np.dtype(DTYPES[spec["dtype"]])
                values = np.frombuffer(data, dtype, count, offset)
                offset += count * dtype.itemsize
            weights[spec["name"]] = values.reshape(shape)
    return weights


def unfuse(node, graph_nodes):
    """TF.js's fused conv/matmul node -> primitive op + BiasAdd + activation; the last keeps the node's name."""
    fused = [s.decode() for s in node.attr["fused_ops"].list.s]
    primitive = {"FusedDepthwiseConv2dNative": "DepthwiseConv2dNative", "_FusedConv2D": "Conv2D",
                 "_FusedMatMul": "MatMul"}[node.op]
    keep = {"FusedDepthwiseConv2dNative": ("T", "strides", "padding", "data_format", "dilations", "explicit_paddings"),
            "_FusedConv2D": ("T", "strides", "padding", "data_format", "dilations", "explicit_paddings",
                             "use_cudnn_on_gpu"),
            "_FusedMatMul": ("T", "transpose_a", "transpose_b")}[node.op]
    inputs = list(node.input)
    chain = []
    core = tf.compat.v1.NodeDef(name=node.name + "/core", op=primitive, input=inputs[:2])
    for key in keep:
        if key in node.attr:
            core.attr[key].CopyFrom(node.attr[key])
    if primitive == "DepthwiseConv2dNative" and "explicit_paddings" in core.attr \
            and not core.attr["explicit_paddings"].list.i:
        del core.attr["explicit_paddings"]
    chain.append(core)
    last = core.name
    args = inputs[2:]
    for op in fused:
        if op == "BiasAdd":
            step = tf.compat.v1.NodeDef(name=node.name + "/bias", op="BiasAdd", input=[last, args.pop(0)])
            step.attr["T"].CopyFrom(node.attr["T"])
            if "data_format" in node.attr:
                step.attr["data_format"].CopyFrom(node.attr["data_format"])
        elif op in ("Relu", "Relu6", "Elu", "Sigmoid", "Tanh"):
            step = tf.compat.v1.NodeDef(name=node.name + "/" + op.lower(), op=op, input=[last])
            step.attr["T"].CopyFrom(node.attr["T"])
        elif op == "LeakyRelu":
            step = tf.compat.v1.NodeDef(name=node.name + "/leaky", op="LeakyRelu", input=[last])
            step.attr["T"].CopyFrom(node.attr["T"])
            step.attr["alpha"].f = node.attr["leakyrelu_alpha"].f
        elif op == "Prelu":  # relu(x) - alpha * relu(-x)
            raise SystemExit(f"tf-peer: {node.name}: fused Prelu not rewritten (no MoveNet graph has one)")
        else:
            raise SystemExit(f"tf-peer: {node.name}: unknown fused op {op}")
        chain.append(step)
        last = step.name
    chain[-1].name = node.name
    if len(chain) > 1:
        chain[-1].input[0] = chain[-2].name
    graph_nodes.extend(chain)


def import_graph(model_path):
    model = json.load(open(model_path))
    weights = read_weights(model_path, model["weightsManifest"])
    topology = dict(model["modelTopology"])
    topology.pop("library", None)
    graph = json_format.ParseDict(topology, tf.compat.v1.GraphDef(), ignore_unknown_fields=True)
    rewritten = tf.compat.v1.GraphDef()
    rewritten.versions.CopyFrom(graph.versions)
    for node in graph.node:
        node.ClearField("device")
        if node.op == "Const" and node.name in weights:
            value = weights[node.name]
            node.attr["value"].tensor.CopyFrom(tf.make_tensor_proto(value, dtype=node.attr["dtype"].type))
        if node.op in ("FusedDepthwiseConv2dNative", "_FusedConv2D", "_FusedMatMul"):
            unfuse(node, rewritten.node)
        else:
            rewritten.node.append(node)
    inputs = [v["name"] for v in model["signature"]["inputs"].values()]
    outputs = [v["name"] for v in model["signature"]["outputs"].values()]
    return rewritten, inputs, outputs


def load_npy(path):
    return np.load(path)


def family(op):
    """The op family PoseSpark's profile (RunProfile.family) groups an op under; grappler's fused names mapped."""
    if "Depthwise" in op:
        return "depthwise convolution"
    if "Conv2D" in op:
        return "convolution"
    if "Resize" in op:
        return "resize"
    if op in ("Relu", "Relu6", "Sigmoid", "Tanh", "LeakyRelu", "Elu", "Softmax"):
        return "activation"
    if op in ("AddV2", "Add", "AddN", "Sub", "Mul", "RealDiv", "FloorDiv", "FloorMod", "SquaredDifference", "Sqrt",
              "Rsqrt", "Exp", "Abs", "Neg", "Reciprocal", "Maximum", "Minimum", "BiasAdd") or "Add" in op:
        return "element-wise"
    if op in ("GatherNd", "GatherV2", "ArgMax", "TopKV2", "Max", "Sum", "Select", "SelectV2", "Equal", "Less",
              "Greater", "GreaterEqual", "LogicalAnd", "MaxPool"):
        return "gather and reduce"
    return "layout and shape"


def profile(session, outputs, feed, runs):
    """Per op family: kernels run and milliseconds per run, from TensorFlow's own step stats (FULL_TRACE)."""
    totals = {}
    fastest = {}  # node -> (family, its fastest kernel run): the quiet machine's time on a loaded one
    wall = 0.0
    for _ in range(runs):
        meta = tf.compat.v1.RunMetadata()
        options = tf.compat.v1.RunOptions(trace_level=tf.compat.v1.RunOptions.FULL_TRACE)
        start = time.perf_counter()
        session.run(outputs, feed, options=options, run_metadata=meta)
        wall += time.perf_counter() - start
        for dev in meta.step_stats.dev_stats:
            for node in dev.node_stats:
                if node.node_name in ("_SOURCE", "_SINK") or not node.timeline_label:
                    continue
                op = node.timeline_label.split("(")[0].split("=")[-1].strip() or node.node_name
                fam = family(op)
                n, ms = totals.get(fam, (0, 0.0))
                totals[fam] = (n + 1, ms + node.op_end_rel_micros / 1e3)
                best = fastest.get(node.node_name, (fam, float("inf")))[1]
                fastest[node.node_name] = (fam, min(best, node.op_end_rel_micros / 1e3))
    print(f"\n### TensorFlow {tf.__version__} profile, batch 1, 1 thread, {runs} runs (step stats)\n")
    print("| family | kernels/run | ms/run | ms, fastest per node |")
    print("|---|---:|---:|---:|")
    for fam, (n, ms) in sorted(totals.items(), key=lambda kv: -kv[1][1]):
        quiet = sum(best for f, best in fastest.values() if f == fam)
        print(f"| {fam} | {n / runs:.0f} | {ms / runs:.3f} | {quiet:.3f} |")
    summed = sum(ms for _, ms in totals.values()) / runs
    quiet = sum(best for _, best in fastest.values())
    print(f"| **kernels** | | {summed:.3f} | {quiet:.3f} |\n\nTraced run wall {wall * 1e3 / runs:.3f} ms"
          " (tracing adds to it).")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", required=True)
    parser.add_argument("--golden", help="the model's folder under golden/tfjs: every case checked before timing")
    parser.add_argument("--input", help="input.npy timed (default: the first golden case's)")
    parser.add_argument("--warmup", type=int, default=10)
    parser.add_argument("--iterations", type=int, default=100)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--profile", type=int, default=0, help="also print a per-op-family profile of N runs")
    args = parser.parse_args()

    graph_def, inputs, outputs = import_graph(args.model)
    config = tf.compat.v1.ConfigProto(intra_op_parallelism_threads=args.threads, inter_op_parallelism_threads=1)
    graph = tf.Graph()
    with graph.as_default():
        tf.compat.v1.import_graph_def(graph_def, name="")
    session = tf.compat.v1.Session(graph=graph, config=config)
    name = os.path.splitext(os.path.basename(args.model))[0]

    worst = 0.0
    cases = sorted(glob.glob(os.path.join(args.golden, "*", "input.npy"))) if args.golden else []
    for case in cases:
        folder = os.path.dirname(case)
        meta = json.load(open(os.path.join(folder, "meta.json")))
        got = session.run(outputs, {inputs[0]: load_npy(case)})
        by_name = {o: g for o, g in zip(outputs, got)}
        for out in meta["outputs"]:
            want = load_npy(os.path.join(folder, out["file"]))
            have = by_name[out["name"] + ":0"]
            diff = float(np.max(np.abs(have - want)))
            bound = 1e-3 * max(1.0, float(np.max(np.abs(want))))
            worst = max(worst, diff)
            if not diff <= bound:
                print(f"tf-peer: {name} {os.path.basename(folder)} {out['name']}: max diff {diff:.3g} > {bound:.3g};"
                      " not timing a graph that computes something else", file=sys.stderr)
                sys.exit(3)
    timed = args.input or (cases[0] if cases else None)
    if timed is None:
        raise SystemExit("tf-peer: no --input and no golden case")
    feed = {inputs[0]: load_npy(timed)}
    for _ in range(args.warmup):
        session.run(outputs, feed)
    if args.profile:
        profile(session, outputs, feed, args.profile)
        return
    wall = []
    cpu = []
    for _ in range(args.iterations):
        w0, c0 = time.perf_counter(), time.process_time()
        session.run(outputs, feed)
        wall.append((time.perf_counter() - w0) * 1e3)
        cpu.append((time.process_time() - c0) * 1e3)
    print(json.dumps({"model": name, "tensorflow": tf.__version__, "batch": 1, "threads": args.threads,
                      "msPerImage": float(np.median(wall)), "cpuMsPerImage": float(np.median(cpu)),
                      "meanMsPerImage": float(np.mean(wall)), "iterations": args.iterations,
                      "goldenCases": len(cases), "goldenMaxDiff": worst}))


if __name__ == "__main__":
    main()

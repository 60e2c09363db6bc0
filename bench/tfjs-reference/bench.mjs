// TensorFlow.js reference timing for one graph model: the number PoseSpark's interpreter is compared with.
//
//   node bench.mjs --model FOLDER/NAME.json [--input input.npy] [--size 256] [--warmup 10] [--iterations 50]
//                  [--backend wasm|cpu]
//
// Loads model.json and its weight shards from disk (no fetch), runs `model.execute` on the given .npy input
// (or on random values in the model's declared input shape, unknown dimensions = --size), warms up, then times
// each iteration and prints one JSON object: median / min / max wall ms per image, median process CPU ms per
// image (robust to other load on a shared machine), and what ran.
//
// Threads: tfjs-backend-wasm 4.22 disables its multi-threaded build under Node (tfjs issue #3830; forcing the
// WASM_HAS_MULTITHREAD_SUPPORT flag leaves the backend uninitialised), so wasm runs single-threaded: on a 2-core
// machine that is also what leaves the second core to the rest of the system. The JSON reports the count used.
import * as tf from '@tensorflow/tfjs';
import * as wasm from '@tensorflow/tfjs-backend-wasm';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { readNpy } from './npy.mjs';

function parseArgs(argv) {
  const opts = { warmup: 10, iterations: 50, size: 256, backend: 'wasm' };
  for (let k = 0; k < argv.length; k++) {
    const key = argv[k].replace(/^--/, '');
    const value = argv[++k];
    if (value === undefined) throw new Error(`--${key} needs a value`);
    opts[key] = ['warmup', 'iterations', 'size'].includes(key) ? Number(value) : value;
  }
  if (!opts.model) throw new Error('usage: node bench.mjs --model NAME.json [--input X.npy] [--iterations N]');
  return opts;
}

/** An IOHandler reading model.json and its weight shards (concatenated in manifest order) from disk. */
function fileSystemHandler(modelJson) {
  return {
    load: async () => {
      const json = JSON.parse(await readFile(modelJson, 'utf8'));
      const folder = path.dirname(modelJson);
      const weightSpecs = [];
      const shards = [];
      for (const group of json.weightsManifest) {
        weightSpecs.push(...group.weights);
        for (const shard of group.paths) shards.push(await readFile(path.join(folder, shard)));
      }
      const all = Buffer.concat(shards);
      return {
        modelTopology: json.modelTopology,
        weightSpecs,
        weightData: all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength),
        format: json.format,
        generatedBy: json.generatedBy,
        convertedBy: json.convertedBy,
        signature: json.signature,
        userDefinedMetadata: json.userDefinedMetadata,
      };
    },
  };
}

async function inputTensor(model, opts) {
  if (opts.input) {
    const npy = readNpy(await readFile(opts.input));
    return tf.tensor(npy.data, npy.shape, npy.dtype);
  }
  const declared = model.inputs[0];
  const shape = declared.shape.map((d, i) => (d > 0 ? d : i === 0 ? 1 : i === declared.shape.length - 1 ? 3 : opts.size));
  const random = tf.randomUniform(shape, 0, 255);
  return declared.dtype === 'int32' ? tf.cast(random, 'int32') : random;
}

function runOnce(model, input, outputNames) {
  const out = model.execute(input, outputNames);
  const outputs = Array.isArray(out) ? out : [out];
  outputs.forEach((t) => t.dataSync()); // wait for every result, as a caller reading them would
  tf.dispose(outputs);
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!(await tf.setBackend(opts.backend))) throw new Error(`backend ${opts.backend} failed to initialise`);
  await tf.ready();
  const model = await tf.loadGraphModel(fileSystemHandler(opts.model));
  const input = await inputTensor(model, opts);
  const outputNames = model.outputs.map((o) => o.name);
  for (let k = 0; k < opts.warmup; k++) runOnce(model, input, outputNames);
  const ms = [];
  const cpuMs = [];
  for (let k = 0; k < opts.iterations; k++) {
    const cpuStart = process.cpuUsage();
    const start = process.hrtime.bigint();
    runOnce(model, input, outputNames);
    ms.push(Number(process.hrtime.bigint() - start) / 1e6);
    const cpu = process.cpuUsage(cpuStart);
    cpuMs.push((cpu.user + cpu.system) / 1e3);
  }
  ms.sort((a, b) => a - b);
  cpuMs.sort((a, b) => a - b);
  const batch = input.shape[0];
  console.log(JSON.stringify({
    model: path.basename(opts.model, '.json'),
    tfjs: tf.version.tfjs,
    backend: tf.getBackend(),
    threads: opts.backend === 'wasm' ? wasm.getThreadsCount() : 1,
    input: input.shape,
    warmup: opts.warmup,
    iterations: opts.iterations,
    msPerImage: +(ms[Math.floor(ms.length / 2)] / batch).toFixed(2),
    minMsPerImage: +(ms[0] / batch).toFixed(2),
    maxMsPerImage: +(ms[ms.length - 1] / batch).toFixed(2),
    cpuMsPerImage: +(cpuMs[Math.floor(cpuMs.length / 2)] / batch).toFixed(2), // process CPU time
  }));
}

main().catch((e) => {
  console.error(`tfjs-reference: ${e.message}`);
  process.exit(1);
});

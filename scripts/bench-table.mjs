// Tabulates scripts/bench.sh's JSON lines: node bench-table.mjs results.jsonl cores mhz fmaLanes cpuName
import fs from 'fs';

const [file, coresArg, mhzArg, lanesArg, cpuName] = process.argv.slice(2);
const rows = fs.readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
const cores = Number(coresArg);
const peak = cores * (Number(mhzArg) / 1000) * 2 * Number(lanesArg) * 2; // GFLOP/s
const f1 = (x) => (x === undefined || Number.isNaN(x) ? 'n/a' : x.toFixed(1));
const f2 = (x) => (x === undefined || Number.isNaN(x) ? 'n/a' : x.toFixed(2));
const ratio = (a, b, target) => {
  if (a === undefined || b === undefined) return 'n/a';
  const r = a / b;
  return `${r.toFixed(2)}${target === undefined ? '' : r >= target ? ' ✓' : ' ✗'}`;
};
const main = rows.filter((r) => r.scaling === undefined && r.lever === undefined && r.topdown === undefined);
const models = [...new Set(main.filter((r) => r.benchmark === 'loop').map((r) => r.model))];

console.log(`\n### Throughput, ${cores} cores (${cpuName}), one run\n`);
console.log('| model | GFLOP/image | (1) model img/s | (2) loop img/s | (3) job img/s | (4) TF.js wasm img/s |'
  + ' (5) TensorFlow img/s | (3)/(2) ≥ 0.85 | (2)/(1) ≥ 0.7 | (1)/(4) ≥ 4 | (1)/(5) ≥ 1 |'
  + ' model GFLOP/s (% of peak) |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
const rate = (m, key) => main.filter((r) => r.model === m && r.process !== undefined && r[key] !== undefined)
  .reduce((sum, r) => sum + 1000 / r.msPerImage, 0) || undefined;
const byModel = {};
for (const m of models) {
  const flops = main.find((r) => r.model === m && r.gflopPerImage !== undefined)?.gflopPerImage;
  const model = main.find((r) => r.model === m && r.streams !== undefined && r.path !== undefined)?.imagesPerSecond;
  const loop = main.find((r) => r.model === m && r.benchmark === 'loop');
  const job = main.find((r) => r.model === m && r.benchmark === 'job');
  const tfjs = rate(m, 'tfjs');
  const tf = rate(m, 'tensorflow');
  byModel[m] = { loop, job };
  const gflops = flops !== undefined && model !== undefined ? flops * model : undefined;
  console.log(`| ${m} | ${f2(flops)} | ${f1(model)} | ${f1(loop?.imagesPerSecond)} | ${f1(job?.imagesPerSecond)} |`
    + ` ${f1(tfjs)} | ${f1(tf)} | ${ratio(job?.imagesPerSecond, loop?.imagesPerSecond, 0.85)} |`
    + ` ${ratio(loop?.imagesPerSecond, model, 0.7)} | ${ratio(model, tfjs, 4)} | ${ratio(model, tf, 1)} |`
    + ` ${f1(gflops)} (${gflops === undefined || !peak ? 'n/a' : (100 * gflops / peak).toFixed(1)}%) |`);
}
console.log(`\nPeak FP32: ${cores} cores × ${(Number(mhzArg) / 1000).toFixed(2)} GHz × 2 FMA units ×`
  + ` ${lanesArg} lanes × 2 FLOP = ${peak.toFixed(0)} GFLOP/s (the clock the kernel reports; turbo would raise it).`
  + ' GFLOP/image: 2 × the multiply-adds of the convolutions and matrix products executed on one image.'
  + ' (3): the marginal rate (N − N/4 images) / (T − T¼) of two warm runs, so the per-run fixed part (session work,'
  + ' run.json, report.html) is left out; it is the "fixed s" column below, with the whole run\'s img/s.'
  + ' (5): native TensorFlow on the same graph (scripts/tf-peer.py, golden-checked), one thread per process.');
const latency = main.filter((r) => r.tensorflow !== undefined && r.process === undefined);
if (latency.length) {
  console.log('\n### Batch-1 latency against native TensorFlow (1 thread each)\n');
  console.log('| model | PoseSpark ms | TensorFlow ms | TensorFlow / PoseSpark | TF golden cases (max diff) |');
  console.log('|---|---:|---:|---:|---|');
  for (const t of latency) {
    const ps = main.find((r) => r.model === t.model && r.batch === 1 && r.path !== undefined && !r.streams);
    console.log(`| ${t.model} | ${f1(ps?.msPerImage)} | ${f1(t.msPerImage)} | ${ratio(t.msPerImage, ps?.msPerImage)} |`
      + ` ${t.goldenCases} (${t.goldenMaxDiff.toExponential(1)}) |`);
  }
}

console.log('\n### Per stage (mean ms per ok frame, each on its own thread; stages overlap when prefetch is on)\n');
console.log('| model | run | read | decode | preprocess | inference | postprocess | CPU utilisation | peak RSS MB |'
  + ' model loads | fixed s | whole run img/s |');
console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const m of models) {
  for (const [name, r] of [['loop', byModel[m].loop], ['job', byModel[m].job]]) {
    if (!r) continue;
    const s = r.msPerStage || {};
    console.log(`| ${m} | ${name} | ${f2(s.read)} | ${f2(s.decode)} | ${f2(s.preprocess)} | ${f2(s.inference)} |`
      + ` ${f2(s.postprocess)} | ${(100 * r.cpuUtilisation).toFixed(0)}% | ${f1(r.peakRssMb)} | ${r.modelLoads} |`
      + ` ${f1(r.fixedSeconds)} | ${f1(r.wholeRunImagesPerSecond)} |`);
  }
}

const topdown = rows.filter((r) => r.topdown !== undefined);
if (topdown.length) {
  const alone = (role) => topdown.find((r) => r.role === role && r.streams !== undefined);
  const latency = (role) => topdown.find((r) => r.role === role && r.batch === 1 && r.streams === undefined);
  const det = alone('detector');
  const pose = alone('pose');
  const loop = topdown.find((r) => r.benchmark === 'loop');
  const job = topdown.find((r) => r.benchmark === 'job');
  console.log(`\n### Top-down (jobs/topdown.yaml), ${cores} cores, one run\n`);
  console.log('| stage | what | img/s (crops/s) | ms per input, 1 stream | CPU ms per input |');
  console.log('|---|---|---:|---:|---:|');
  console.log(`| (1) detector alone | ${det?.model} (${det?.format}), batch ${det?.batch}, ${cores} streams |`
    + ` ${f1(det?.imagesPerSecond)} | ${f1(latency('detector')?.msPerImage)} | ${f1(det?.cpuMsPerImage)} |`);
  console.log(`| (2) pose model alone | ${pose?.model} (${pose?.format}) on crops, batch ${pose?.batch},`
    + ` ${cores} streams | ${f1(pose?.imagesPerSecond)} | ${f1(latency('pose')?.msPerImage)} |`
    + ` ${f1(pose?.cpuMsPerImage)} |`);
  for (const [name, r] of [['(3) executor loop', loop], ['(4) job, local mode', job]]) {
    if (!r) continue;
    const stages = Object.entries(r.msPerStage || {}).map(([k, v]) => `${k} ${f1(v)}`).join(', ');
    console.log(`| ${name} | ${r.model}: ms per frame ${stages} | ${f1(r.imagesPerSecond)} | | |`);
  }
}

const levers = rows.filter((r) => r.lever !== undefined);
if (levers.length) {
  console.log('\n### Levers (the executor loop with one of them off)\n');
  console.log('| model | loop | img/s | read | decode | preprocess | inference | CPU utilisation |');
  console.log('|---|---|---:|---:|---:|---:|---:|---:|');
  const rowOf = (label, r) => {
    const s = r.msPerStage || {};
    console.log(`| ${r.model} | ${label} | ${f1(r.imagesPerSecond)} | ${f2(s.read)} | ${f2(s.decode)} |`
      + ` ${f2(s.preprocess)} | ${f2(s.inference)} | ${(100 * r.cpuUtilisation).toFixed(0)}% |`);
  };
  const base = main.find((r) => r.benchmark === 'loop' && r.model === levers[0].model);
  if (base) rowOf('as shipped (prefetch 1, reduced decode)', base);
  for (const r of levers) rowOf(r.lever, r);
}

const slots = rows.filter((r) => r.scaling === 'slots');
const sizes = rows.filter((r) => r.scaling === 'size');
if (slots.length || sizes.length) {
  console.log('\n### Scaling (movenet-lightning job, local mode)\n');
  console.log('| run | images | task slots | wall s | img/s | peak RSS MB |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const r of slots) {
    console.log(`| slots | ${r.images} | ${r.slots} | ${f1(r.seconds)} | ${f1(r.imagesPerSecond)} | ${f1(r.peakRssMb)} |`);
  }
  for (const r of sizes) {
    console.log(`| size | ${r.images} | ${r.slots} | ${f1(r.seconds)} | ${f1(r.imagesPerSecond)} | ${f1(r.peakRssMb)} |`);
  }
  const small = sizes.find((r) => r.images === 1000);
  const big = sizes.find((r) => r.images === 10000);
  if (small && big) {
    console.log(`\nPeak RSS 10k / 1k: ${ratio(big.peakRssMb, small.peakRssMb)} (target ≤ 1.10)`);
  }
}
for (const r of rows.filter((x) => x.benchmark === 'listing')) {
  console.log(`\nListing: ${JSON.stringify(r)}`);
}

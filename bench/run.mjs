#!/usr/bin/env node
// `npm run bench`: the core's LSTM (cell + unroll + Dense head) against tf.layers.lstm + dense,
// training step and inference, on every backend headless Chromium offers (webgl on SwiftShader,
// wasm, cpu). Builds the site if needed, serves it with `vite preview`, drives the lab page
// (lab.html → window.gatebookLab.bench) and writes bench/RESULTS.md. Not a test.
//
//   npm run bench                      # full run (a few minutes on two cores)
//   npm run bench -- --quick           # fewer runs, for a smoke check
//   npm run bench -- --no-build        # use dist/ as it is
//   npm run bench -- --backends=wasm,cpu
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { build } from 'vite';
import { CHROMIUM, launchChromium, previewSite } from './browser.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const resultsFile = path.join(root, 'bench/RESULTS.md');
const SHAPE = { batch: 64, steps: 100, features: 2, units: 30 };

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const skipBuild = args.includes('--no-build');
const backendsArg = args.find((a) => a.startsWith('--backends='));
const BACKENDS = backendsArg ? backendsArg.split('=')[1].split(',') : ['webgl', 'wasm', 'cpu'];
const SETTINGS = quick
  ? { warmup: 1, runs: 3, stepsPerRun: 1 }
  : { warmup: 2, runs: 2, stepsPerRun: 3 };
/**
 * Core and layers take turns (core, layers, layers, core, …), a batch of runs each, so that a
 * change in the machine's load while measuring falls on both sides of a ratio.
 */
const ROUNDS = quick ? 1 : 4;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

function newestSource(dir, newest = 0) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    newest = entry.isDirectory()
      ? newestSource(full, newest)
      : Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/** dist/ is stale when it has no lab page or a source file is newer than its manifest. */
function needsBuild() {
  const manifest = path.join(dist, '.vite/manifest.json');
  if (!existsSync(manifest)) return 'no build yet';
  if (!('lab.html' in JSON.parse(readFileSync(manifest, 'utf8')))) return 'no lab page';
  const built = statSync(manifest).mtimeMs;
  const inputs = ['src', 'lessons'].map((d) => newestSource(path.join(root, d)));
  for (const file of ['index.html', 'lab.html', 'vite.config.ts', 'package.json']) {
    inputs.push(statSync(path.join(root, file)).mtimeMs);
  }
  return Math.max(...inputs) > built ? 'sources changed' : null;
}

async function buildSite() {
  const why = skipBuild ? null : needsBuild();
  if (!why) return;
  console.log(`Building the site into dist/ (${why}) …`);
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production'; // React's production build, as in the browser tests
  try {
    await build({ root, mode: 'production', logLevel: 'warn' });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

function cores() {
  try {
    return execFileSync('nproc', { encoding: 'utf8' }).trim();
  } catch {
    return String(os.cpus().length);
  }
}

/** Debian's python3-torch installs for the system Python, which may not be first on PATH. */
function pythonWithTorch() {
  for (const python of ['python3', '/usr/bin/python3']) {
    const probe = spawnSync(python, ['-c', 'import torch'], { encoding: 'utf8' });
    if (probe.status === 0) return python;
  }
  return null;
}

function torchReference() {
  const python = pythonWithTorch();
  if (!python) return { ran: false, why: 'PyTorch is not installed here' };
  const run = spawnSync(python, [path.join(root, 'bench/torch_lstm_step.py'), '--json'], {
    encoding: 'utf8',
  });
  if (run.status !== 0) return { ran: false, why: `the script failed: ${run.stderr.trim()}` };
  return { ran: true, ...JSON.parse(run.stdout.trim().split('\n').pop()) };
}

/** Runs the four measurements of one backend in a fresh page. */
async function measureBackend(browser, url, backend) {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  try {
    await page.goto(`${url}lab.html`);
    await page.waitForFunction(() => document.documentElement.dataset.labReady === 'true');
    const started = await page.evaluate((b) => window.gatebookLab.init(b), backend);
    if (started.backend !== backend) {
      const why = started.failures.map((f) => `${f.backend}: ${f.detail}`).join('; ');
      return { backend, skipped: `could not start (${why || `fell back to ${started.backend}`})` };
    }
    const probe = await page.evaluate(() => window.gatebookLab.probe());
    const calibration = await page.evaluate((b) => window.gatebookLab.calibrate(b), backend);
    const fusedCheck = await page.evaluate((b) => window.gatebookLab.checkFused(b), backend);
    console.log(
      `  ${backend}: fused LSTM path ${fusedCheck.fused ? 'on' : 'OFF'}, max relative ` +
        `difference to the autodiff path ${fusedCheck.maxRelativeError.toExponential(1)}`,
    );
    const rows = {};
    for (const mode of ['train', 'infer']) {
      const rounds = { core: [], layers: [] };
      for (let round = 0; round < ROUNDS; round++) {
        for (const implementation of round % 2 ? ['layers', 'core'] : ['core', 'layers']) {
          const result = await page.evaluate(
            ([b, options]) => window.gatebookLab.bench(b, options),
            [backend, { implementation, mode, ...SETTINGS }],
          );
          rounds[implementation].push(result);
        }
      }
      for (const implementation of ['core', 'layers']) {
        // The first round's profile; every round's timed runs.
        const runs = rounds[implementation].flatMap((r) => r.runs);
        const result = { ...rounds[implementation][0], runs, msPerStep: median(runs) };
        console.log(`  ${backend} ${mode} ${implementation}: ${ms(result.msPerStep)} ms/step`);
        rows[`${mode}.${implementation}`] = result;
      }
    }
    return {
      backend,
      rows,
      calibration,
      fusedCheck,
      renderer: probe.renderer,
      wasm: started.wasm ?? null,
      problems,
    };
  } finally {
    await page.close();
  }
}

/** "a", "a and b", "a, b and c". */
const listOf = (items) =>
  items.length < 3 ? items.join(' and ') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
const ms = (x) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
const mb = (bytes) => `${(bytes / 1e6).toFixed(0)} MB`;

function table(measured, torch) {
  const lines = [
    '| backend | train: core | train: layers | core / layers | inference: core | inference: layers | core / layers |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const m of measured) {
    if (m.skipped) {
      lines.push(`| ${m.backend} | — | — | — | — | — | — |`);
      continue;
    }
    const r = m.rows;
    lines.push(
      `| ${m.backend} | ${ms(r['train.core'].msPerStep)} | ${ms(r['train.layers'].msPerStep)} | ` +
        `${ratio(r['train.core'].msPerStep, r['train.layers'].msPerStep)} | ` +
        `${ms(r['infer.core'].msPerStep)} | ${ms(r['infer.layers'].msPerStep)} | ` +
        `${ratio(r['infer.core'].msPerStep, r['infer.layers'].msPerStep)} |`,
    );
  }
  if (torch.ran) {
    lines.push(
      `| PyTorch ${torch.torch} (CPU, 1 thread) | ${ms(torch.train_ms)} | — | — | ` +
        `${ms(torch.infer_ms)} | — | — |`,
    );
  }
  return lines.join('\n');
}

/** Lower bounds of a step's time from the backend's calibration (ms). */
function bounds(r, calibration) {
  // webgl: every draw call at the cost of an empty one (kernels that draw nothing, such as
  // reshapes, are free there); elsewhere every kernel at the cost of a tiny one.
  const dispatch =
    calibration.drawUs != null && r.drawsPerStep > 0
      ? r.drawsPerStep * calibration.drawUs
      : r.kernelsPerStep * calibration.tinyKernelUs;
  // The core's rows on cpu multiply in its own kernels' loops, at their own calibrated rate.
  const rate =
    r.implementation === 'core' && calibration.coreMatmulGflops != null
      ? calibration.coreMatmulGflops
      : calibration.matmulGflops;
  return {
    dispatch: dispatch / 1000,
    arithmetic: r.matmulFlops / rate / 1e6,
    memory: r.bytesTouched / calibration.streamGBps / 1e6,
  };
}

function calibrationTable(measured) {
  const lines = [
    "| backend | matmul 256³ | the core's cpu product loop, 256³ | element-wise add, 1M numbers | one kernel on a 1-number tensor | one draw call |",
    '| --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const m of measured.filter((x) => !x.skipped)) {
    const c = m.calibration;
    lines.push(
      `| ${m.backend} | ${c.matmulGflops.toFixed(2)} GFLOP/s | ` +
        `${c.coreMatmulGflops != null ? `${c.coreMatmulGflops.toFixed(2)} GFLOP/s` : '—'} | ` +
        `${c.streamGBps.toFixed(2)} GB/s | ` +
        `${c.tinyKernelUs.toFixed(1)} µs | ${c.drawUs != null ? `${c.drawUs.toFixed(0)} µs` : '—'} |`,
    );
  }
  return lines.join('\n');
}

function anatomy(measured) {
  const lines = [
    '| backend | step | measured | kernels | µs / kernel | dispatch bound | arithmetic bound | memory bound |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const m of measured.filter((x) => !x.skipped)) {
    for (const key of ['train.core', 'train.layers', 'infer.core', 'infer.layers']) {
      const r = m.rows[key];
      const b = bounds(r, m.calibration);
      lines.push(
        `| ${m.backend} | ${key.replace('.', ', ')} | ${ms(r.msPerStep)} ms | ${r.kernelsPerStep}` +
          `${r.drawsPerStep ? ` (${r.drawsPerStep} draws)` : ''} | ` +
          `${((1000 * r.msPerStep) / r.kernelsPerStep).toFixed(0)} | ${ms(b.dispatch)} ms | ` +
          `${ms(b.arithmetic)} ms (${(r.matmulFlops / 1e6).toFixed(0)} MFLOP) | ` +
          `${ms(b.memory)} ms (${mb(r.bytesTouched)}) |`,
      );
    }
  }
  return lines.join('\n');
}

function kernelShares(r) {
  if (!(r.kernelMsTotal > 0)) return 'kernel times not available';
  return r.slowestKernels
    .slice(0, 3)
    .map(
      ([name, count, time]) => `${name} ×${count} ${Math.round((100 * time) / r.kernelMsTotal)} %`,
    )
    .join(', ');
}

/** Measured time over the sum of the three lower bounds, for a training step of the core. */
function overBounds(m) {
  const r = m.rows['train.core'];
  const b = bounds(r, m.calibration);
  return r.msPerStep / (b.dispatch + b.arithmetic + b.memory);
}

function verdict(m) {
  const r = m.rows['train.core'];
  const b = bounds(r, m.calibration);
  const together = b.dispatch + b.arithmetic + b.memory;
  return (
    `- **${m.backend}**: ${ms(r.msPerStep)} ms per training step, ${r.kernelsPerStep} kernels ` +
    `(${((1000 * r.msPerStep) / r.kernelsPerStep).toFixed(0)} µs each on average; a kernel on ` +
    `a one-number tensor costs ${m.calibration.tinyKernelUs.toFixed(1)} µs` +
    (m.calibration.drawUs != null
      ? `, ${r.drawsPerStep} draw calls at ${m.calibration.drawUs.toFixed(0)} µs for an empty one`
      : '') +
    `). Lower bounds: ` +
    `dispatch ${ms(b.dispatch)} ms, arithmetic ${ms(b.arithmetic)} ms, memory ` +
    `${ms(b.memory)} ms — together ${Math.round((100 * together) / r.msPerStep)} % of the ` +
    `step. Share of the kernels' time (profiled step): ${kernelShares(r)}.`
  );
}

const BOUND_WORDS = {
  dispatch: ['dispatch', 'fewer kernels'],
  arithmetic: ['arithmetic', 'a faster matmul'],
  memory: ['memory traffic', 'fewer bytes'],
};

/** For a backend whose step is mostly explained by the bounds: which one, and what helps. */
function boundedBy(m) {
  const b = bounds(m.rows['train.core'], m.calibration);
  const [name] = Object.entries(b).sort((x, y) => y[1] - x[1])[0];
  const [what, helps] = BOUND_WORDS[name];
  const why =
    m.backend === 'webgl'
      ? ' (SwiftShader runs every draw call on the CPU and shades it texel by texel)'
      : '';
  const share = Math.round(100 / overBounds(m));
  return (
    `On ${m.backend} the three bounds account for ${share} % of the step, ${what} first${why}, ` +
    `so there ${helps} would help as much as fewer, larger kernels. `
  );
}

/** The kernel kind with the most time in each backend's profiled training step. */
function largest(ok) {
  return ok
    .map((m) => {
      const top = m.rows['train.core'].slowestKernels[0];
      return top ? `${top[0]} on ${m.backend}` : `unknown on ${m.backend}`;
    })
    .join(', ');
}

/** One kernel kind's time in a backend's profiled training step: total or mean ('' if absent). */
function kernelTime(m, name, mean) {
  const entry = m.rows['train.core'].slowestKernels.find(([n]) => n === name);
  if (!entry) return '';
  return mean ? `${Math.round((1000 * entry[2]) / entry[1])} µs` : `${ms(entry[2])} ms`;
}

/**
 * What bounds webgl's step on SwiftShader, from the step's shape and the costs measured on the
 * lab page while the webgl path was rebuilt (2026-11-22; see src/core/fast/lstmKernels.ts).
 */
function webglFloor(m) {
  const r = m.rows['train.core'];
  const { batch: B, steps: T, features: D, units: H } = SHAPE;
  const D2 = D + (D % 2);
  const macs = T * B * H * 4 * H * 2 + T * B * 4 * H * (H + 2 + D2);
  const fetches = macs / 4;
  const fetchMs = (4e-9 * fetches * 1000).toFixed(0);
  const drawMs = ((4 * T * m.calibration.drawUs) / 1000).toFixed(0);
  return (
    `On webgl (SwiftShader, the only WebGL on this machine: it runs the shaders on the CPU) ` +
    `the figures that matter are the cost of a draw call (${m.calibration.drawUs.toFixed(0)} ` +
    `µs for an empty one, calibration below; ${r.drawsPerStep} draws per training step) and ` +
    `that of a texture read, measured on the lab page: about 4 ns for one texel of a packed ` +
    `texture (four numbers), whether the address comes from tfjs's sampling functions or from ` +
    `plain texelFetch/texture calls, and two to three times as much per number for an unpacked ` +
    `one. A program that computes a 2 × 2 output block reads two texels per two terms of its ` +
    `sums, so the step's products (h₋₁·U and ∂z·Uᵀ, ${(T * B * H * 4 * H * 1e-6).toFixed(0)} ` +
    `million multiply-adds each, and the weight-gradient sum, ` +
    `${((T * B * 4 * H * (H + 2 + D2)) / 1e6).toFixed(0)} million) need about ` +
    `${(fetches / 1e6).toFixed(0)} million texel reads: about ${fetchMs} ms, plus ${4 * T} ` +
    `draws in the loop, about ${drawMs} ms. That is the floor of this design on SwiftShader ` +
    `(RGBA32F holds at most four numbers a texel, and one program writes one texel per ` +
    `output location); the rest of the ${ms(r.msPerStep)} ms is the cell and ∂z programs, the ` +
    `loss, the Dense head and Adam (about 100 kernels of their own). (The profile's ` +
    `per-kernel shares on webgl include a read-back of every kernel's output: without a GPU ` +
    `timer query, tf.profile reads each output to time it.) Before this design the ` +
    `step took 484 ms (bench of 2026-11-22, 890 kernels): tfjs packed each step's h and ∂z ` +
    `for its matmuls and the core unpacked each product (and the bias, for every program that ` +
    `read it) for its step programs, about 19 draws a step instead of 4. Stacking the steps ` +
    `with tf.stack instead of texture copies would cost about 250 ms for 100 packed step ` +
    `tensors (tfjs reshapes each into a single row and back). `
  );
}

/**
 * What bounds cpu's step: the products in the core's own loops (at their calibrated rate), and
 * the cell's exponentials, which no bound counts.
 */
function cpuFloor(m) {
  const r = m.rows['train.core'];
  const c = m.calibration;
  const b = bounds(r, c);
  const { batch: B, steps: T, units: H } = SHAPE;
  const share = Math.round(100 / overBounds(m));
  const exps = (5 * B * H * T) / 1e6;
  const step = kernelTime(m, 'GatebookLstmCpuStep', true) || '—';
  const back = kernelTime(m, 'GatebookLstmCpuStepBackward', true) || '—';
  const grads = kernelTime(m, 'GatebookLstmCpuGrads', false) || '—';
  return (
    `On cpu the core runs no BatchMatMul: tfjs-cpu's is a generic strided triple loop ` +
    `(${c.matmulGflops.toFixed(2)} GFLOP/s on the 256³ product, less on the step's small ` +
    `ones), and the core's cpu kernels multiply with loops of their own that keep a 2 × 4 or ` +
    `2 × 3 tile of sums in local variables over the shared dimension, in float64 ` +
    `(${c.coreMatmulGflops != null ? c.coreMatmulGflops.toFixed(2) : '—'} GFLOP/s on the ` +
    `same product: still JavaScript, no SIMD, one thread). The core's arithmetic bound on cpu ` +
    `counts that rate (${ms(b.arithmetic)} ms for ${(r.matmulFlops / 1e6).toFixed(0)} MFLOP), ` +
    `and the three bounds account for ${share} % of the step. In the profiled step the ` +
    `forward kernel (b + x_t·W + h₋₁·U, the gates, c and h) takes ${step} a step, the ` +
    `backward one (∂z, ∂c and ∂h₋₁ = ∂z·Uᵀ) ${back}, and the kernel after the loop (∂U, ∂W, ` +
    `∂b and ∂x over all ${T * B} rows, step by step) ${grads}. Besides its products the ` +
    `forward kernel evaluates five exponentials per unit and step (${exps.toFixed(2)} million ` +
    `a training step, about 10 ns each for Math.exp in V8), which none of the bounds counts. ` +
    `Before these kernels (bench of 2026-11-23, load 4.9–6.4) the cpu products went through ` +
    `tfjs-cpu's BatchMatMul (×208 a training step, 88 % of the kernels' time), and the step ` +
    `took 199 ms (0.37× tf.layers). `
  );
}

function commentary(measured) {
  const ok = measured.filter((m) => !m.skipped);
  if (ok.length === 0) return 'No backend could be measured.';
  const r = ok[0].rows['train.core'];
  const layers = ok[0].rows['train.layers'];
  // cpu's and webgl's paragraphs of their own (cpuFloor, webglFloor).
  const kernelBound = ok
    .filter((m) => m.backend !== 'cpu' && overBounds(m) >= 2)
    .map((m) => m.backend);
  const arithmeticBound = ok.filter((m) => overBounds(m) < 2);
  const cpuRow = ok.find((m) => m.backend === 'cpu');
  const H = SHAPE.units;
  const B = SHAPE.batch;
  const stepMflop = ((2 * B * H * 4 * H) / 1e6).toFixed(2);
  const kernelCounts = ok
    .map((m) => `${m.rows['train.core'].kernelsPerStep} on ${m.backend}`)
    .join(', ');
  const wasm = ok.find((m) => m.backend === 'wasm');
  const webglRow = ok.find((m) => m.backend === 'webgl');
  const wasmMatMul = wasm ? kernelTime(wasm, 'BatchMatMul', false) : '';
  const wasmForward = wasm ? kernelTime(wasm, 'GatebookLstmStepForward', true) : '';
  return [
    `**How the core's step is built.** An LSTM run that nobody taps or records ` +
      `(src/core/fast) takes a fused path. On wasm it computes the input products ` +
      `x_t·W of all ${SHAPE.steps} steps with ONE matmul before the loop; a time step is then ` +
      `one matmul h₋₁·U ([${B} × ${H}] · [${H} × ${4 * H}], ${stepMflop} MFLOP) and ONE fused ` +
      `kernel that applies σ to the i, f, o gates and tanh to c̃, updates c and writes h, ` +
      `registered with tf.registerKernel: a JavaScript loop that forms the pre-activations and ` +
      `calls the wasm module's own Sigmoid function on them twice (σ, and tanh as ` +
      `2σ(2x) − 1), so that its exponentials run in compiled code (about 1 ns a number there, ` +
      `about 10 ns for Math.exp in JavaScript). While a gradient is taped, this kernel also ` +
      `writes the step's activations (i, f, o, c̃, tanh c), and the backward kernel only ` +
      `multiplies and adds. The gradient is written out by hand through tf.customGrad: per ` +
      `step one fused kernel (∂z_t and ∂c_{t−1}) and one matmul (∂h_{t−1} = ∂z_t·Uᵀ); the ` +
      `weight, bias and input gradients are one matmul each over all steps at once. On cpu ` +
      `the kernels are JavaScript loops over the backend's own arrays that do the products ` +
      `too: a time step is ONE kernel forward (b + x_t·W + h₋₁·U, the gates, c and h, and the ` +
      `activations while taped) and ONE backward (∂z_t, ∂c_{t−1} and ∂h_{t−1} = ∂z_t·Uᵀ), and ` +
      `one kernel after the loop gives ∂x, ∂W, ∂U and ∂b, step by step over the per-step ` +
      `tensors (nothing is stacked). On webgl a step is four shader ` +
      `programs on packed textures (four numbers a texel, a 2 × 2 block) and nothing else: ` +
      `forward, one for the pre-activations (b + x_t·W + h₋₁·U, both products in the program) ` +
      `and one for the cell, which writes the next state [h, 1, 1, x_{t+1}, c] as one texture; ` +
      `backward, one for ∂h_t = ∂z_{t+1}·Uᵀ that also computes ∂x_{t+1} = ∂z_{t+1}·Wᵀ and adds ` +
      `∂z_{t+1}ᵀ·[h_t, 1, 1, x_{t+1}] to a running sum, which after the last step holds ∂U, ∂b ` +
      `and ∂W, and one for ∂z_t and the ∂c carried to the step before. No pack, unpack or ` +
      `stack kernel runs in the loop; the ${SHAPE.steps} per-step ∂x blocks are stacked by ` +
      `texture copies (glCopyTexSubImage2D). Adam updates all variables as one flat vector. ` +
      `Kernels per training step: ${kernelCounts} (tf.layers: ${layers.kernelsPerStep}). Taps, ` +
      `traces and BPTT norms keep the step-by-step autodiff path, and the bench checks the two ` +
      `paths against each other on every backend (the header above).`,
    '',
    `**Transpose flags on wasm.** tfjs-wasm 4.22 gives a BatchMatMul without transpose flags ` +
      `to XNNPACK (a fully-connected operator that packs the right factor once and caches it ` +
      `by that tensor), but one with transposeA or transposeB to a plain C triple loop at about ` +
      `2 GFLOP/s. The weight gradient ∂U = Σ_t h_{t−1}ᵀ·∂z_t ([${H} × ${SHAPE.steps * B}] · ` +
      `[${SHAPE.steps * B} × ${4 * H}], 46 MFLOP) was such a product: measured in Node on the ` +
      `same tfjs-wasm build, it took 23 ms of an 84 ms step, while the 200 per-step products ` +
      `took 23–30 µs each (the "200 µs per BatchMatMul" of the profile was an average over ` +
      `all 208). On wasm the core now transposes the left factor first (a cheap kernel there) ` +
      `and multiplies without flags; ∂W, ∂U and ∂b then share their right factor ∂Z, so XNNPACK ` +
      `packs it once. cpu and webgl form these sums inside their own kernels.`,
    '',
    `**What bounds the figure.** The calibration below measures each backend's best matmul ` +
      `rate, the streaming rate of a large element-wise op and the cost of a kernel on a ` +
      `one-number tensor; multiplied out they give three lower bounds for a step (dispatch: ` +
      `every kernel at the empty-kernel cost; arithmetic: the step's matmul FLOPs at the best ` +
      `rate, for the core on cpu that of its own product loop; memory: every kernel's inputs and outputs at the streaming rate, counting one ` +
      `step's rows for the fused kernels):`,
    '',
    ...ok.map(verdict),
    '',
    `The step takes ${ok.map((m) => `${overBounds(m).toFixed(1)}× (${m.backend})`).join(', ')} ` +
      `the sum of the three bounds. ` +
      (kernelBound.length
        ? `On ${listOf(kernelBound)} none of the three sets the figure; what is left is the ` +
          `fixed cost of each call on small tensors, which none of them counts. ` +
          (wasm && kernelBound.includes('wasm')
            ? `On wasm, in the profiled step (one more step, timed kernel by kernel: ` +
              `${ms(wasm.rows['train.core'].kernelMsTotal)} ms of kernel time, where a plain ` +
              `step took ${ms(wasm.rows['train.core'].msPerStep)} ms in all), ` +
              `BatchMatMul ×208 takes ${wasmMatMul || 'the most'}: four products ` +
              `over all steps (∂W, ∂U and ∂b sharing one packing of ∂Z [${SHAPE.steps * B} × ` +
              `${4 * H}], and ∂x) and 200 per-step products of ${stepMflop} MFLOP, each ` +
              `${((1000 * Number(stepMflop)) / wasm.calibration.matmulGflops).toFixed(0)} µs at the ` +
              `calibrated rate but 25–40 µs as measured in Node: the JavaScript side (shape ` +
              `checks, two reshapes, an output allocation in the wasm heap, argument marshalling) ` +
              `and XNNPACK's set-up of the cached operator cost as much as the arithmetic. The ` +
              `forward step kernel (${wasmForward || '—'} a step) is two calls into the module's ` +
              `Sigmoid and three JavaScript passes over ${B} × ${4 * H} numbers. Moving the small ` +
              `product into the step kernel would save a dispatch, not time: a JavaScript loop ` +
              `cannot come near XNNPACK (for the same product tfjs-cpu's BatchMatMul needs ` +
              `about 400 µs, the core's own cpu loop about 100 µs in Node). `
            : '') +
          ''
        : '') +
      arithmeticBound
        .filter((m) => m.backend !== 'webgl' && m.backend !== 'cpu')
        .map(boundedBy)
        .join('') +
      (cpuRow ? cpuFloor(cpuRow) : '') +
      (webglRow ? webglFloor(webglRow) : '') +
      `The kernel kind that takes the most time: ${largest(ok)}.`,
    '',
    `**Core vs tf.layers.** tf.layers.lstm runs about ` +
      `${Math.round(layers.kernelsPerStep / SHAPE.steps)} kernels per time step (two products, ` +
      `a gate split, each activation and product on its own) and differentiates all of them on ` +
      `tfjs's tape; per training step ${layers.kernelsPerStep} kernels vs ${r.kernelsPerStep}, ` +
      `${(layers.matmulFlops / 1e6).toFixed(0)} vs ${(r.matmulFlops / 1e6).toFixed(0)} MFLOP ` +
      `of products, ${mb(layers.bytesTouched)} vs ${mb(r.bytesTouched)} touched (${ok[0].backend}). ` +
      `This machine is shared: single runs scatter (see the raw runs), so each ratio comes from ` +
      `one page, with core and layers measured in turns.`,
  ].join('\n');
}

async function main() {
  await buildSite();
  const { server, url } = await previewSite(root, dist);
  const browser = await launchChromium();
  const measured = [];
  const loads = [];
  try {
    console.log(
      `Chromium ${browser.version()}, ${cores()} cores; ${JSON.stringify({ ...SETTINGS, rounds: ROUNDS })}`,
    );
    for (const backend of BACKENDS) {
      loads.push(os.loadavg()[0]);
      measured.push(await measureBackend(browser, url, backend));
    }
    loads.push(os.loadavg()[0]);
  } finally {
    await browser.close();
    await server.close();
  }
  const torch = torchReference();
  const chromiumVersion = (() => {
    try {
      return execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).trim();
    } catch {
      return 'Chromium';
    }
  })();
  const webgl = measured.find((m) => m.backend === 'webgl' && !m.skipped);
  const wasm = measured.find((m) => m.backend === 'wasm' && !m.skipped);
  const skipped = measured.filter((m) => m.skipped);
  const date = new Date().toISOString().slice(0, 10);
  const tfjs = JSON.parse(
    readFileSync(path.join(root, 'node_modules/@tensorflow/tfjs/package.json'), 'utf8'),
  ).version;
  const md = [
    '# Benchmark: the core’s LSTM vs `tf.layers.lstm`',
    '',
    `Written by \`npm run bench\` (bench/run.mjs) on ${date}.`,
    '',
    `- Machine: ${cores()} cores (\`nproc\`), ${os.cpus()[0]?.model ?? 'unknown CPU'}, ` +
      `${os.platform()} ${os.release()}; shared with other work while measuring (1-minute ` +
      `load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}), so ` +
      `single runs scatter: see the raw runs.`,
    `- Browser: ${chromiumVersion}, headless (playwright-core), tfjs ${tfjs}.`,
    `- WebGL: ${webgl ? webgl.renderer : 'not measured'}.`,
    `- The core's fused LSTM path against its step-by-step autodiff path, outputs and ` +
      `gradients of a small case on the same page (largest relative difference): ` +
      measured
        .filter((m) => !m.skipped)
        .map(
          (m) =>
            `${m.backend} ${m.fusedCheck.fused ? m.fusedCheck.maxRelativeError.toExponential(1) : 'not fused'}`,
        )
        .join(', ') +
      '.',
    `- WebAssembly: ${wasm?.wasm ? `SIMD ${wasm.wasm.simd ? 'on' : 'off'}, ${wasm.wasm.threads} thread (the page is not cross-origin isolated)` : 'not measured'}.`,
    `- Task: the multiplication problem, batch ${SHAPE.batch} × ${SHAPE.steps} steps × ` +
      `${SHAPE.features} features → LSTM(${SHAPE.units}) → Dense(1), MSE, Adam (lr 0.001). ` +
      `Core: \`createCellModel\` (cellTensors + unroll, which takes the fused LSTM path, + Dense head) with a hand-written step ` +
      `(tf.variableGrads + the training service's Adam). Layers: \`tf.layers.lstm\` ` +
      `(recurrentActivation 'sigmoid') + \`tf.layers.dense\`, \`model.trainOnBatch\` / ` +
      `\`model.predict\`. Each step ends with a read of its result.`,
    `- Method: core and layers take turns, ${ROUNDS} rounds each (core, layers, then layers, ` +
      `core, …; every round a fresh model, ${SETTINGS.warmup} warm-up steps, one profiled ` +
      `step, then ${SETTINGS.runs} timed runs of ${SETTINGS.stepsPerRun} steps), so that a ` +
      `change in the machine's load falls on both sides of a ratio; the table gives the median ` +
      `over all ${ROUNDS * SETTINGS.runs} runs of ms per step.`,
    '',
    '## Milliseconds per step',
    '',
    table(measured, torch),
    '',
    ...(skipped.length
      ? [`Not measured: ${skipped.map((m) => `${m.backend} — ${m.skipped}`).join('; ')}.`, '']
      : []),
    torch.ran
      ? `PyTorch: \`bench/torch_lstm_step.py\`, same shapes, one CPU thread.`
      : `PyTorch: \`bench/torch_lstm_step.py\` (same shapes, one thread, prints ms/step) was ` +
        `not run here: ${torch.why} (Debian's python3-torch is large and was not installed).`,
    '',
    '## What bounds a step',
    '',
    commentary(measured),
    '',
    'Calibration (the same page, the same backend; best of five timings):',
    '',
    calibrationTable(measured),
    '',
    'Anatomy of a step, from one `tf.profile` after the warm-up: kernels dispatched, mean wall ' +
      'time per kernel, and the three lower bounds (matmul FLOPs from the kernels’ shapes; ' +
      'bytes = every kernel’s inputs and outputs).',
    '',
    anatomy(measured),
    '',
    '## Raw runs (ms per step)',
    '',
    ...measured
      .filter((m) => !m.skipped)
      .flatMap((m) =>
        Object.entries(m.rows).map(
          ([key, r]) => `- ${m.backend} ${key}: ${r.runs.map((x) => x.toFixed(1)).join(', ')}`,
        ),
      ),
    '',
  ].join('\n');
  // Formatted as the repository's `prettier --check .` expects.
  const config = (await prettier.resolveConfig(resultsFile)) ?? {};
  writeFileSync(resultsFile, await prettier.format(md, { ...config, filepath: resultsFile }));
  console.log(`\n${table(measured, torch)}\n\nWrote ${path.relative(root, resultsFile)}.`);
  const problems = measured.flatMap((m) => m.problems ?? []);
  if (problems.length) console.warn(`Page errors:\n${problems.join('\n')}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

#!/usr/bin/env node
// LDA benchmark: time per batch variational-Bayes iteration (scikit-learn's update rules, our
// tfjs core) on a synthetic corpus drawn from LDA's own generative model: 2,000 documents ×
// 10,000 terms, K = 10, 100–200 tokens per document. Runs the core in Node (cpu, wasm) and in
// headless Chromium (wasm, webgl) through a Vite dev server, and writes bench/lda-results.json.
// Not a test. Reference: scikit-learn 1.2 fits 2,000 AP documents (10,473 terms, K = 10,
// 10 iterations) in about 4.7 s.
//
// A backend may name its E-step path: `wasm` runs what the core picks (the fused kernel on cpu
// and wasm, tensor blocks on webgl); `wasm:tensor` forces the tensor path, for comparison.
//
//   node bench/lda.mjs                     # everything, 10 iterations each
//   node bench/lda.mjs --iters=3           # fewer iterations (the first ones are the costliest)
//   node bench/lda.mjs --slow-iters=10     # iterations of the tensor path and webgl (default 3)
//   node bench/lda.mjs --only=node|browser --backends=cpu,wasm,wasm:tensor,webgl
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './browser.mjs';
import { createServer } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const resultsFile = path.join(root, 'bench/lda-results.json');
const args = process.argv.slice(2);
const arg = (name, fallback) =>
  args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const ITERS = Number(arg('iters', '10'));
// The tensor path and webgl (SwiftShader in headless Chromium) are far slower here.
const SLOW_ITERS = Number(arg('slow-iters', '3'));
/** 'wasm' → { backend: 'wasm', eStep: 'auto' }; 'wasm:tensor' → the tensor path. */
const parseRun = (spec) => {
  const [backend, eStep = 'auto'] = spec.split(':');
  return { spec, backend, eStep };
};
const itersFor = ({ backend, eStep }) =>
  backend === 'webgl' || eStep === 'tensor' ? SLOW_ITERS : ITERS;
const ONLY = arg('only', 'all');
const RUNS = arg('backends', 'cpu,wasm,wasm:tensor,webgl').split(',').map(parseRun);
const CORPUS = { nDocs: 2000, nTerms: 10000, nTopics: 10, docLength: [100, 200], seed: 1 };

// The page-side benchmark, served by the dev server as a virtual module.
const PAGE_MODULE = `
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '/src/core/runtime/backends.ts';
import { LdaModel, syntheticLdaCorpus } from '/src/core/lda/index.ts';
window.ldaBench = async (backend, eStep, corpusSpec, iters) => {
  const started = await initBackend({ probe: { webgl2: true, renderer: null, wasm: true }, override: backend });
  if (started.backend !== backend) return { backend, eStep, skipped: 'fell back to ' + started.backend };
  const corpus = syntheticLdaCorpus(corpusSpec);
  const model = new LdaModel(corpus, { nComponents: corpusSpec.nTopics, seed: 0, maxIter: iters, eStep });
  const perIteration = [];
  const updates = [];
  const t0 = performance.now();
  while (!model.done) {
    const s = model.step(false);
    perIteration.push(s.ms);
    updates.push(s.meanDocUpdates);
    await new Promise((r) => setTimeout(r, 0));
  }
  const totalMs = performance.now() - t0;
  model.dispose();
  // The kernel registers itself on the model's first E-step.
  const path = eStep === 'auto' ? (tf.getKernel('GatebookLdaEStep', backend) ? 'fused' : 'tensor') : eStep;
  return { backend, eStep: path, iterations: perIteration.length, perIteration, meanDocUpdates: updates, totalMs, nnz: corpus.indices.length, tensorsLeft: tf.memory().numTensors, wasm: started.wasm ?? null };
};
document.documentElement.dataset.ready = 'true';
`;

function benchPagePlugin() {
  return {
    name: 'lda-bench-page',
    resolveId: (id) => (id === '/@lda-bench' ? '\0lda-bench' : null),
    load: (id) => (id === '\0lda-bench' ? PAGE_MODULE : null),
    configureServer(server) {
      server.middlewares.use('/lda-bench.html', (_req, res) => {
        res.setHeader('content-type', 'text/html');
        res.end(
          '<!doctype html><html><head><meta charset="utf-8"><title>LDA bench</title></head><body><script type="module" src="/@lda-bench"></script></body></html>',
        );
      });
    },
  };
}

async function nodeRun(server, run) {
  const { backend } = run;
  const tf = await import('@tensorflow/tfjs');
  if (backend === 'wasm') {
    await import('@tensorflow/tfjs-backend-wasm');
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false); // as in the browser worker (no isolation)
  }
  if (!(await tf.setBackend(backend))) return { backend, skipped: 'could not start' };
  const lda = await server.ssrLoadModule('/src/core/lda/index.ts');
  const corpus = lda.syntheticLdaCorpus(CORPUS);
  const model = new lda.LdaModel(corpus, {
    nComponents: CORPUS.nTopics,
    seed: 0,
    maxIter: itersFor(run),
    eStep: run.eStep,
  });
  const kernels = await server.ssrLoadModule('/src/core/lda/eStepKernel.ts');
  const eStep =
    run.eStep === 'auto' ? (kernels.ldaEStepKernelAvailable() ? 'fused' : 'tensor') : run.eStep;
  const perIteration = [];
  const updates = [];
  const t0 = performance.now();
  while (!model.done) {
    const s = model.step(false);
    perIteration.push(s.ms);
    updates.push(s.meanDocUpdates);
    process.stdout.write(
      `  node ${backend} (${eStep}) iteration ${s.iteration}: ${s.ms.toFixed(0)} ms (${s.meanDocUpdates.toFixed(1)} updates/doc)\n`,
    );
  }
  const totalMs = performance.now() - t0;
  model.dispose();
  return {
    backend,
    eStep,
    iterations: perIteration.length,
    perIteration,
    meanDocUpdates: updates,
    totalMs,
    nnz: corpus.indices.length,
    tensorsLeft: tf.memory().numTensors,
  };
}

const load = () => os.loadavg().map((x) => Math.round(x * 10) / 10);

async function main() {
  const nodeModules = realpathSync(path.join(root, 'node_modules'));
  const server = await createServer({
    root,
    logLevel: 'error',
    plugins: [benchPagePlugin()],
    server: { port: 0, fs: { allow: [root, path.dirname(nodeModules)] } },
    optimizeDeps: { include: ['@tensorflow/tfjs', '@tensorflow/tfjs-backend-wasm'] },
  });
  const results = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? '?', loadBefore: load() },
    corpus: CORPUS,
    iterations: { fused: ITERS, tensor: SLOW_ITERS, webgl: SLOW_ITERS },
    reference: 'scikit-learn 1.2, 2,000 AP documents × 10,473 terms, K = 10, 10 iterations: ~4.7 s',
    node: [],
    browser: [],
  };
  try {
    if (ONLY !== 'browser') {
      for (const run of RUNS.filter((r) => r.backend === 'cpu' || r.backend === 'wasm')) {
        console.log(`Node ${run.spec} …`);
        const loadBefore = load();
        results.node.push({ ...(await nodeRun(server, run)), loadBefore, load: load() });
      }
    }
    if (ONLY !== 'node') {
      await server.listen();
      const url = server.resolvedUrls.local[0];
      const browser = await launchChromium();
      try {
        for (const run of RUNS.filter((r) => r.backend === 'wasm' || r.backend === 'webgl')) {
          const b = run.backend;
          console.log(`Chromium ${run.spec} …`);
          const page = await browser.newPage();
          page.on('pageerror', (e) => console.log('  page error:', e.message));
          await page.goto(`${url}lda-bench.html`);
          await page.waitForFunction(
            () => document.documentElement.dataset.ready === 'true',
            null,
            { timeout: 120_000 },
          );
          const limitS = Number(arg('limit', '420'));
          const loadBefore = load();
          const r = await Promise.race([
            page.evaluate(
              ([backend, eStep, spec, iters]) => window.ldaBench(backend, eStep, spec, iters),
              [b, run.eStep, CORPUS, itersFor(run)],
            ),
            new Promise((resolve) =>
              setTimeout(
                () =>
                  resolve({
                    backend: b,
                    eStep: run.eStep,
                    skipped: `no result within ${limitS} s`,
                  }),
                limitS * 1000,
              ),
            ),
          ]);
          console.log(
            `  ${run.spec}: ${r.skipped ?? r.perIteration.map((x) => x.toFixed(0)).join(', ') + ' ms'}`,
          );
          results.browser.push({ ...r, loadBefore, load: load() });
          await page.close();
        }
      } finally {
        await browser.close();
      }
    }
  } finally {
    await server.close();
  }
  results.machine.loadAfter = load();
  try {
    results.machine.nproc = execFileSync('nproc', { encoding: 'utf8' }).trim();
  } catch {
    /* not Linux */
  }
  // A partial run (--only) keeps the other half of an earlier results file.
  if (ONLY !== 'all' && existsSync(resultsFile)) {
    const earlier = JSON.parse(readFileSync(resultsFile, 'utf8'));
    const keep = ONLY === 'node' ? 'browser' : 'node';
    results[keep] = earlier[keep] ?? [];
    results.earlierRun = { part: keep, date: earlier.date, machine: earlier.machine };
  }
  writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`Wrote ${path.relative(root, resultsFile)}`);
}

await main();
// The wasm backend and Vite can leave handles open; the results are written, so leave.
process.exit(0);

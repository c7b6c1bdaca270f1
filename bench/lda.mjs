#!/usr/bin/env node
// LDA benchmark: time per batch variational-Bayes iteration (scikit-learn's update rules, our
// tfjs core) on a synthetic corpus drawn from LDA's own generative model: 2,000 documents ×
// 10,000 terms, K = 10, 100–200 tokens per document. Runs the core in Node (cpu, wasm) and in
// headless Chromium (wasm, webgl) through a Vite dev server, and writes bench/lda-results.json.
// Not a test. Reference: scikit-learn 1.2 fits 2,000 AP documents (10,473 terms, K = 10,
// 10 iterations) in about 4.7 s.
//
//   node bench/lda.mjs                     # everything, 10 iterations each
//   node bench/lda.mjs --iters=3           # fewer wasm iterations (the first ones are the costliest)
//   node bench/lda.mjs --slow-iters=10     # cpu and webgl iterations (default 3)
//   node bench/lda.mjs --only=node|browser --backends=wasm,webgl
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const resultsFile = path.join(root, 'bench/lda-results.json');
const args = process.argv.slice(2);
const arg = (name, fallback) =>
  args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const ITERS = Number(arg('iters', '10'));
// cpu (pure JavaScript) and webgl (SwiftShader in headless Chromium) are far slower here.
const SLOW_ITERS = Number(arg('slow-iters', '3'));
const itersFor = (backend) => (backend === 'cpu' || backend === 'webgl' ? SLOW_ITERS : ITERS);
const ONLY = arg('only', 'all');
const BACKENDS = arg('backends', 'cpu,wasm,webgl').split(',');
const CORPUS = { nDocs: 2000, nTerms: 10000, nTopics: 10, docLength: [100, 200], seed: 1 };
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

// The page-side benchmark, served by the dev server as a virtual module.
const PAGE_MODULE = `
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '/src/core/runtime/backends.ts';
import { LdaModel, syntheticLdaCorpus } from '/src/core/lda/index.ts';
window.ldaBench = async (backend, corpusSpec, iters) => {
  const started = await initBackend({ probe: { webgl2: true, renderer: null, wasm: true }, override: backend });
  if (started.backend !== backend) return { backend, skipped: 'fell back to ' + started.backend };
  const corpus = syntheticLdaCorpus(corpusSpec);
  const model = new LdaModel(corpus, { nComponents: corpusSpec.nTopics, seed: 0, maxIter: iters });
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
  return { backend, perIteration, meanDocUpdates: updates, totalMs, nnz: corpus.indices.length, tensorsLeft: tf.memory().numTensors, wasm: started.wasm ?? null };
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

async function nodeRun(server, backend) {
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
    maxIter: itersFor(backend),
  });
  const perIteration = [];
  const updates = [];
  const t0 = performance.now();
  while (!model.done) {
    const s = model.step(false);
    perIteration.push(s.ms);
    updates.push(s.meanDocUpdates);
    process.stdout.write(
      `  node ${backend} iteration ${s.iteration}: ${s.ms.toFixed(0)} ms (${s.meanDocUpdates.toFixed(1)} updates/doc)\n`,
    );
  }
  const totalMs = performance.now() - t0;
  model.dispose();
  return {
    backend,
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
    iterations: { wasm: ITERS, cpu: SLOW_ITERS, webgl: SLOW_ITERS },
    reference: 'scikit-learn 1.2, 2,000 AP documents × 10,473 terms, K = 10, 10 iterations: ~4.7 s',
    node: [],
    browser: [],
  };
  try {
    if (ONLY !== 'browser') {
      for (const b of BACKENDS.filter((b) => b === 'cpu' || b === 'wasm')) {
        console.log(`Node ${b} …`);
        results.node.push({ ...(await nodeRun(server, b)), load: load() });
      }
    }
    if (ONLY !== 'node') {
      await server.listen();
      const url = server.resolvedUrls.local[0];
      const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
      try {
        for (const b of BACKENDS.filter((b) => b === 'wasm' || b === 'webgl')) {
          console.log(`Chromium ${b} …`);
          const page = await browser.newPage();
          page.on('pageerror', (e) => console.log('  page error:', e.message));
          await page.goto(`${url}lda-bench.html`);
          await page.waitForFunction(
            () => document.documentElement.dataset.ready === 'true',
            null,
            { timeout: 120_000 },
          );
          const limitS = Number(arg('limit', '420'));
          const r = await Promise.race([
            page.evaluate(
              ([backend, spec, iters]) => window.ldaBench(backend, spec, iters),
              [b, CORPUS, itersFor(b)],
            ),
            new Promise((resolve) =>
              setTimeout(
                () => resolve({ backend: b, skipped: `no result within ${limitS} s` }),
                limitS * 1000,
              ),
            ),
          ]);
          console.log(
            `  ${b}: ${r.skipped ?? r.perIteration.map((x) => x.toFixed(0)).join(', ') + ' ms'}`,
          );
          results.browser.push({ ...r, load: load() });
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

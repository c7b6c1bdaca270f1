#!/usr/bin/env node
// Quick LDA timing loop for development: one backend, one E-step path, a corpus of any size,
// in Node through Vite's SSR loader (the TypeScript core as it is). Prints per-iteration times
// and the load average; writes nothing. The full benchmark is bench/lda.mjs.
//
//   node bench/lda/quick.mjs --docs=500 --backend=wasm --estep=fused --iters=3
import os from 'node:os';
import path from 'node:path';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const arg = (name, fallback) =>
  process.argv
    .slice(2)
    .find((a) => a.startsWith(`--${name}=`))
    ?.split('=')[1] ?? fallback;
const backend = arg('backend', 'wasm');
const eStep = arg('estep', 'auto');
const iters = Number(arg('iters', '3'));
const spec = {
  nDocs: Number(arg('docs', '500')),
  nTerms: Number(arg('terms', '10000')),
  nTopics: Number(arg('k', '10')),
  docLength: [100, 200],
  seed: 1,
};

const server = await createServer({
  root,
  logLevel: 'error',
  server: {
    middlewareMode: true,
    fs: { allow: [root, path.dirname(realpathSync(path.join(root, 'node_modules')))] },
  },
});
try {
  const tf = await import('@tensorflow/tfjs');
  if (backend === 'wasm') {
    await import('@tensorflow/tfjs-backend-wasm');
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  }
  await tf.setBackend(backend);
  await tf.ready();
  const lda = await server.ssrLoadModule('/src/core/lda/index.ts');
  const corpus = lda.syntheticLdaCorpus(spec);
  const model = new lda.LdaModel(corpus, {
    nComponents: spec.nTopics,
    seed: 0,
    maxIter: iters,
    learningMethod: arg('method', 'batch'),
    eStep,
  });
  const load = os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
  let total = 0;
  while (!model.done) {
    const s = model.step(false);
    total += s.ms;
    console.log(
      `${backend}/${eStep} it ${s.iteration}: ${s.ms.toFixed(0)} ms, ${s.meanDocUpdates.toFixed(1)} updates/doc, λ[0..2] ${Array.from(s.lambda.subarray(0, 3)).map((x) => x.toFixed(4))}`,
    );
  }
  model.dispose();
  console.log(
    `total ${total.toFixed(0)} ms for ${spec.nDocs} docs; nnz ${corpus.indices.length}; tensors left ${tf.memory().numTensors}; load before ${load}, after ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
} finally {
  await server.close();
}

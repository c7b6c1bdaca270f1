// The fused E-step kernel (src/core/lda/eStepKernel.ts): its arithmetic against the float64
// transcription of scikit-learn's loop, the whole model on the fused path against the tensor
// path, the same kernel on the wasm backend, and no tensor left behind.
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LDA_E_STEP,
  ldaEStepKernelAvailable,
  ldaEStepOnArrays,
  runLdaEStep,
} from '../../../src/core/lda/eStepKernel';
import { LdaModel, sampleGammaArray, syntheticLdaCorpus, type DocTermMatrix } from './imports';
import { createRngForTest } from './imports';
import { expElogBeta, updateDoc, type RefDoc } from './reference';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const corpus = (nDocs: number, seed = 7): DocTermMatrix =>
  syntheticLdaCorpus({ nDocs, nTerms: 120, nTopics: 4, docLength: [5, 60], seed });

/** A positive λ [K][V] from the seeded Gamma draws. */
function lambdaRows(k: number, v: number, seed: number): number[][] {
  const flat = sampleGammaArray(createRngForTest(seed), k * v);
  return Array.from({ length: k }, (_, t) => Array.from(flat.subarray(t * v, t * v + v)));
}

function refDocs(m: DocTermMatrix): RefDoc[] {
  return Array.from({ length: m.nDocs }, (_, d) => {
    const s = m.indptr[d]!;
    const e = m.indptr[d + 1]!;
    return { ids: Array.from(m.indices.subarray(s, e)), cnts: Array.from(m.counts.subarray(s, e)) };
  });
}

describe('the E-step on plain arrays', () => {
  it("is sklearn's per-document loop: γ, update counts and sufficient statistics", () => {
    const m = corpus(40);
    const k = 4;
    const v = m.nTerms;
    const lambda = lambdaRows(k, v, 3);
    const eBeta = expElogBeta(lambda);
    const betaT = new Float32Array(v * k);
    for (let t = 0; t < k; t++) for (let w = 0; w < v; w++) betaT[w * k + t] = eBeta[t]![w]!;
    // The reference reads the float32-rounded exp E[log β] too, so both see the same inputs.
    const eBeta32 = eBeta.map((row, t) => row.map((_, w) => betaT[w * k + t]!));
    const docStart = 10;
    const n = 25;
    const gamma0 = sampleGammaArray(createRngForTest(9), n * k);
    const out = {
      gamma: new Float32Array(n * k),
      updates: new Int32Array(n),
      sstatsT: new Float32Array(v * k),
    };
    const attrs = { docStart, alpha: 0.25, tol: 1e-3, maxIter: 100, withSstats: true };
    ldaEStepOnArrays({ expElogBetaT: betaT, ...m, gamma0, ...out }, k, attrs);
    const docs = refDocs(m);
    const want = new Float64Array(v * k);
    for (let i = 0; i < n; i++) {
      const doc = docs[docStart + i]!;
      const r = updateDoc(
        doc,
        Array.from(gamma0.subarray(i * k, i * k + k)),
        eBeta32,
        0.25,
        1e-3,
        100,
      );
      expect(out.updates[i], `updates of document ${docStart + i}`).toBe(r.updates);
      for (let t = 0; t < k; t++) {
        expect(Math.abs(out.gamma[i * k + t]! - r.gamma[t]!)).toBeLessThan(1e-6 * r.gamma[t]!);
      }
      doc.ids.forEach((w, j) => {
        let dot = 0;
        for (let t = 0; t < k; t++) dot += r.expTheta[t]! * eBeta32[t]![w]!;
        for (let t = 0; t < k; t++) want[w * k + t]! += (r.expTheta[t]! * doc.cnts[j]!) / dot;
      });
    }
    for (let i = 0; i < want.length; i++) {
      expect(Math.abs(out.sstatsT[i]! - want[i]!)).toBeLessThan(1e-6 * Math.max(1, want[i]!));
    }
    // Terms of documents outside docStart … docStart + n − 1 only: untouched.
    const seen = new Set(docs.slice(docStart, docStart + n).flatMap((d) => d.ids));
    for (let w = 0; w < v; w++) {
      if (!seen.has(w)) for (let t = 0; t < k; t++) expect(out.sstatsT[w * k + t]).toBe(0);
    }
  });

  it('stops at maxIter and gives an empty document γ = α', () => {
    const m: DocTermMatrix = {
      nDocs: 2,
      nTerms: 2,
      vocabulary: ['a', 'b'],
      indptr: Int32Array.from([0, 0, 2]),
      indices: Int32Array.from([0, 1]),
      counts: Float32Array.from([3, 1]),
    };
    const gamma = new Float32Array(4);
    const updates = new Int32Array(2);
    ldaEStepOnArrays(
      {
        expElogBetaT: Float32Array.from([0.9, 0.1, 0.1, 0.9]),
        ...m,
        gamma0: Float32Array.from([1, 1, 1, 1]),
        gamma,
        updates,
        sstatsT: null,
      },
      2,
      { docStart: 0, alpha: 0.5, tol: 1e-12, maxIter: 3, withSstats: false },
    );
    expect(Array.from(gamma.subarray(0, 2))).toEqual([0.5, 0.5]);
    expect(updates[1]).toBe(3);
    expect(gamma[2]! + gamma[3]!).toBeCloseTo(0.5 + 0.5 + 4, 4); // Σγ = Kα + tokens
  });
});

describe('fused and tensor E-steps give the same model', () => {
  it.each(['batch', 'online'] as const)(
    '%s: λ, γ and update counts agree over 4 iterations',
    (method) => {
      const m = corpus(60);
      const fit = (eStep: 'fused' | 'tensor') => {
        const model = new LdaModel(m, {
          eStep,
          nComponents: 4,
          seed: 11,
          maxIter: 4,
          learningMethod: method,
          batchSize: 32,
        });
        try {
          const states = [];
          while (!model.done) states.push(model.step(false));
          return { states, transform: model.transform(), perplexity: model.perplexity() };
        } finally {
          model.dispose();
        }
      };
      const fused = fit('fused');
      const tensor = fit('tensor');
      // float64 (fused) and float32 (tensor) arithmetic may stop a document an update or two
      // apart; its γ then differs by about its last changes (mean |Δγ| < tol each), so γ is
      // compared within 2·K·tol and λ (a sum over many documents) within a relative 2e-3.
      const gammaTol = 2 * 4 * 1e-3;
      let worstLambda = 0;
      let worstGamma = 0;
      fused.states.forEach((f, i) => {
        const t = tensor.states[i]!;
        for (let j = 0; j < f.lambda.length; j++) {
          const rel = Math.abs(f.lambda[j]! - t.lambda[j]!) / Math.max(1, t.lambda[j]!);
          worstLambda = Math.max(worstLambda, rel);
        }
        for (let j = 0; j < f.gamma.length; j++) {
          worstGamma = Math.max(worstGamma, Math.abs(f.gamma[j]! - t.gamma[j]!));
        }
        expect(Math.abs(f.meanDocUpdates - t.meanDocUpdates)).toBeLessThan(0.1);
      });
      for (let j = 0; j < fused.transform.length; j++) {
        worstGamma = Math.max(worstGamma, Math.abs(fused.transform[j]! - tensor.transform[j]!));
      }
      expect(worstLambda).toBeLessThan(2e-3);
      expect(worstGamma).toBeLessThan(gammaTol);
      expect(Math.abs(fused.perplexity - tensor.perplexity) / tensor.perplexity).toBeLessThan(1e-4);
    },
  );

  it('auto picks the kernel on cpu; an unknown eStep option is refused', () => {
    expect(ldaEStepKernelAvailable()).toBe(true);
    expect(tf.getKernel(LDA_E_STEP, 'cpu')).toBeDefined();
    expect(tf.getKernel(LDA_E_STEP, 'webgl')).toBeUndefined();
    expect(() => new LdaModel(corpus(5), { eStep: 'gpu' as unknown as 'fused' })).toThrow(
      /eStep must be/,
    );
  });

  it.each(['batch', 'online'] as const)(
    '%s: frees every tensor (the kernel calls, transform of other documents, dispose)',
    (learningMethod) => {
      const before = tf.memory().numTensors;
      const m = corpus(30);
      const model = new LdaModel(m, {
        eStep: 'fused',
        learningMethod,
        batchSize: 8,
        nComponents: 4,
        seed: 1,
        maxIter: 20,
      });
      model.step(true);
      const during = tf.memory().numTensors;
      for (let i = 0; i < 6; i++) {
        model.step(i % 2 === 0);
        model.transform(corpus(8, 99));
        expect(tf.memory().numTensors).toBe(during);
      }
      model.dispose();
      expect(tf.memory().numTensors).toBe(before);
    },
  );
});

describe('the fused E-step on the wasm backend', () => {
  beforeAll(async () => {
    await import('@tensorflow/tfjs-backend-wasm');
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    await tf.setBackend('wasm');
  });
  afterAll(async () => {
    await tf.setBackend('cpu');
  });

  it('gives what it gives on cpu, through the engine, and leaks nothing', async () => {
    const m = corpus(50);
    const fit = () => {
      const model = new LdaModel(m, { eStep: 'fused', nComponents: 4, seed: 5, maxIter: 3 });
      try {
        let last = model.step(false);
        while (!model.done) last = model.step(false);
        return last;
      } finally {
        model.dispose();
      }
    };
    const before = tf.memory().numTensors;
    expect(tf.getBackend()).toBe('wasm');
    expect(ldaEStepKernelAvailable()).toBe(true);
    const onWasm = fit();
    expect(tf.memory().numTensors).toBe(before);
    await tf.setBackend('cpu');
    const onCpu = fit();
    await tf.setBackend('wasm');
    // Same JavaScript on the same float32 inputs: identical but for the tensor M-step's rounding.
    for (let i = 0; i < onCpu.lambda.length; i++) {
      expect(Math.abs(onWasm.lambda[i]! - onCpu.lambda[i]!)).toBeLessThan(
        1e-4 * Math.max(1, onCpu.lambda[i]!),
      );
    }
    expect(onWasm.meanDocUpdates).toBeCloseTo(onCpu.meanDocUpdates, 6);
  });

  it('runs one kernel call on wasm memory without sstats', () => {
    const m = corpus(6);
    const k = 4;
    const inputs = {
      expElogBetaT: tf.fill([m.nTerms, k], 0.01) as tf.Tensor2D,
      indptr: tf.tensor1d(m.indptr, 'int32'),
      indices: tf.tensor1d(m.indices, 'int32'),
      counts: tf.tensor1d(m.counts),
      gamma0: tf.ones([3, k]) as tf.Tensor2D,
    };
    const out = runLdaEStep(inputs, {
      docStart: 2,
      alpha: 0.1,
      tol: 1e-3,
      maxIter: 50,
      withSstats: false,
    });
    expect(out.sstatsT).toBeNull();
    expect(out.gamma.shape).toEqual([3, k]);
    const g = out.gamma.dataSync();
    // Equal β rows: every topic gets the same share, α + tokens/K.
    for (let i = 0; i < 3; i++) {
      let tokens = 0;
      for (let j = m.indptr[2 + i]!; j < m.indptr[3 + i]!; j++) tokens += m.counts[j]!;
      for (let t = 0; t < k; t++) expect(g[i * k + t]).toBeCloseTo(0.1 + tokens / k, 3);
    }
    expect(Array.from(out.updates.dataSync()).every((u) => u >= 1 && u <= 2)).toBe(true);
    tf.dispose([...Object.values(inputs), out.gamma, out.updates]);
  });
});

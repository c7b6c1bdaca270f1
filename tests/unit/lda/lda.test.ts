import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import {
  LdaModel,
  approxBound,
  completionPerplexity,
  createRngForTest,
  digamma,
  digammaTensor,
  docTermFromDense,
  lgamma,
  sampleGammaArray,
  splitForCompletion,
} from './imports';
import { batchEmStep, type RefDoc } from './reference';
import { DIGAMMA_REFERENCE, LGAMMA_REFERENCE } from './specialReference';
import fixture from './sklearnFixture.json';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('digamma and lgamma', () => {
  it('digamma is within 1e-6 of mpmath over (1e-3, 1e3)', () => {
    let worst = 0;
    for (const [x, ref] of DIGAMMA_REFERENCE) {
      const err = Math.abs(digamma(x) - ref);
      worst = Math.max(worst, err);
      expect(err, `ψ(${x})`).toBeLessThan(1e-6);
    }
    // Far better than asked: the series is carried to x⁻¹⁴.
    expect(worst).toBeLessThan(1e-11);
  });

  it('digamma on a dense grid agrees with the recurrence ψ(x+1) = ψ(x) + 1/x', () => {
    for (let x = 0.0011; x < 1000; x *= 1.37) {
      expect(Math.abs(digamma(x + 1) - digamma(x) - 1 / x)).toBeLessThan(1e-9 * Math.max(1, 1 / x));
    }
  });

  it('lgamma is within 1e-9 of mpmath', () => {
    for (const [x, ref] of LGAMMA_REFERENCE) {
      expect(Math.abs(lgamma(x) - ref), `lnΓ(${x})`).toBeLessThan(
        1e-9 * Math.max(1, Math.abs(ref)),
      );
    }
  });

  it('digamma is NaN off its domain', () => {
    expect(digamma(0)).toBeNaN();
    expect(digamma(-1)).toBeNaN();
    expect(digamma(Number.NaN)).toBeNaN();
  });

  it('the tensor digamma matches the references to float32 precision', () => {
    const xs = DIGAMMA_REFERENCE.map(([x]) => x);
    const t = tf.tensor1d(xs);
    const out = digammaTensor(t);
    const got = out.dataSync();
    t.dispose();
    out.dispose();
    DIGAMMA_REFERENCE.forEach(([x, ref], i) => {
      // float32: a few ulps of the largest intermediate (1/x for small x, ln x for large).
      const scale = Math.max(1, Math.abs(ref), 1 / x);
      expect(Math.abs(got[i]! - ref), `ψ(${x})`).toBeLessThan(4e-7 * scale);
    });
  });
});

// A tiny corpus: 6 documents over 8 terms, two obvious themes (terms 0–3 and 4–7), one mixed.
const DENSE = [
  [3, 2, 1, 0, 0, 0, 0, 1],
  [2, 0, 3, 1, 0, 0, 0, 0],
  [0, 0, 0, 0, 2, 3, 1, 1],
  [0, 1, 0, 0, 1, 2, 2, 0],
  [1, 0, 2, 1, 1, 0, 1, 0],
  [4, 0, 0, 2, 0, 0, 3, 0],
];
const K = 3;
const INITIAL_LAMBDA = [
  [1.2, 0.8, 1.1, 0.9, 1.0, 0.7, 1.3, 1.05],
  [0.9, 1.1, 0.95, 1.25, 0.85, 1.15, 1.0, 0.75],
  [1.05, 0.9, 1.2, 0.8, 1.3, 1.0, 0.85, 1.1],
];
const refDocs: RefDoc[] = DENSE.map((row) => {
  const ids: number[] = [];
  const cnts: number[] = [];
  row.forEach((c, w) => {
    if (c > 0) {
      ids.push(w);
      cnts.push(c);
    }
  });
  return { ids, cnts };
});

function expectClose(got: ArrayLike<number>, want: number[], rel: number, what: string) {
  expect(got.length).toBe(want.length);
  for (let i = 0; i < want.length; i++) {
    expect(Math.abs(got[i]! - want[i]!), `${what}[${i}]: ${got[i]} vs ${want[i]}`).toBeLessThan(
      rel * Math.max(1, Math.abs(want[i]!)),
    );
  }
}

// Every model test runs on both E-step paths: the fused kernel (what cpu and wasm use) and the
// tensor blocks (what webgl uses).
const PATHS = ['fused', 'tensor'] as const;

describe.each(PATHS)('batch variational Bayes against a float64 reference (%s E-step)', (eStep) => {
  const opts = { alpha: 0.3, eta: 0.2, tol: 1e-3, maxIter: 100 };

  it.each([4, 1000])(
    'five iterations from a fixed λ with γ starting at ones (blocks of %i cells)',
    (blockCells) => {
      const data = docTermFromDense(DENSE);
      const model = new LdaModel(data, {
        eStep,
        blockCells,
        nComponents: K,
        docTopicPrior: opts.alpha,
        topicWordPrior: opts.eta,
        initialLambda: INITIAL_LAMBDA,
        docInit: 'ones',
        checkEvery: 1,
      });
      let lambda = INITIAL_LAMBDA.map((r) => r.slice());
      try {
        for (let it = 0; it < 5; it++) {
          const state = model.step(false);
          const ones = DENSE.map(() => new Array<number>(K).fill(1));
          const ref = batchEmStep(refDocs, lambda, ones, opts);
          lambda = ref.lambda;
          expectClose(state.lambda, ref.lambda.flat(), 2e-5, `λ after ${it + 1}`);
          expectClose(state.gamma, ref.gamma.flat(), 2e-5, `γ after ${it + 1}`);
        }
      } finally {
        model.dispose();
      }
    },
  );

  it('sklearn defaults: α = η = 1/K, γ drawn from Gamma(100, 1/100) with the seeded RNG', () => {
    const data = docTermFromDense(DENSE);
    const model = new LdaModel(data, {
      eStep,
      nComponents: K,
      initialLambda: INITIAL_LAMBDA,
      seed: 42,
      checkEvery: 3,
    });
    const rng = createRngForTest(42);
    const o = { alpha: 1 / K, eta: 1 / K, tol: 1e-3, maxIter: 100 };
    let lambda = INITIAL_LAMBDA.map((r) => r.slice());
    try {
      for (let it = 0; it < 4; it++) {
        const state = model.step(false);
        const draws = sampleGammaArray(rng, DENSE.length * K);
        const starts = DENSE.map((_, d) => Array.from(draws.subarray(d * K, d * K + K)));
        const ref = batchEmStep(refDocs, lambda, starts, o);
        lambda = ref.lambda;
        expectClose(state.lambda, ref.lambda.flat(), 2e-5, `λ after ${it + 1}`);
      }
    } finally {
      model.dispose();
    }
  });

  it('online VB: weight (τ₀ + n)^(−κ) with n from 1, D/|batch| scaling, mini-batches in order', () => {
    const data = docTermFromDense(DENSE);
    const model = new LdaModel(data, {
      eStep,
      nComponents: K,
      learningMethod: 'online',
      batchSize: 4,
      initialLambda: INITIAL_LAMBDA,
      docInit: 'ones',
      docTopicPrior: opts.alpha,
      topicWordPrior: opts.eta,
    });
    let lambda = INITIAL_LAMBDA.map((r) => r.slice());
    let n = 1;
    try {
      for (let it = 0; it < 3; it++) {
        const state = model.step(false);
        for (const [s, e] of [
          [0, 4],
          [4, 6],
        ] as const) {
          const docs = refDocs.slice(s, e);
          const ones = docs.map(() => new Array<number>(K).fill(1));
          const weight = Math.pow(10 + n, -0.7);
          lambda = batchEmStep(docs, lambda, ones, opts, { weight, ratio: 6 / docs.length }).lambda;
          n++;
        }
        expectClose(state.lambda, lambda.flat(), 2e-5, `online λ after ${it + 1}`);
      }
    } finally {
      model.dispose();
    }
  });

  it('separates the two planted themes', () => {
    const rows: number[][] = [];
    const rng = createRngForTest(3);
    for (let d = 0; d < 40; d++) {
      const row = new Array<number>(20).fill(0);
      const base = d % 2 === 0 ? 0 : 10;
      for (let i = 0; i < 30; i++) row[base + rng.int(10)]!++;
      rows.push(row);
    }
    const model = new LdaModel(docTermFromDense(rows), {
      eStep,
      nComponents: 2,
      seed: 1,
      maxIter: 20,
    });
    try {
      const last = model.fit()!;
      const share = (t: number, lo: number) => {
        let s = 0;
        let all = 0;
        for (let w = 0; w < 20; w++) {
          all += last.lambda[t * 20 + w]!;
          if (w >= lo && w < lo + 10) s += last.lambda[t * 20 + w]!;
        }
        return s / all;
      };
      const a = share(0, 0);
      expect(Math.max(a, 1 - a)).toBeGreaterThan(0.95);
      expect(Math.max(share(1, 0), share(1, 10))).toBeGreaterThan(0.95);
    } finally {
      model.dispose();
    }
  });

  it('evaluateEvery stops when perplexity moves less than perpTol, as sklearn does', () => {
    const model = new LdaModel(docTermFromDense(DENSE), {
      eStep,
      nComponents: K,
      seed: 5,
      maxIter: 200,
      evaluateEvery: 1,
      perpTol: 0.01,
    });
    try {
      const states: number[] = [];
      model.fit((s) => {
        states.push(s.perplexity!);
      });
      expect(states.length).toBeLessThan(200);
      expect(Math.abs(states.at(-1)! - states.at(-2)!)).toBeLessThan(0.01);
    } finally {
      model.dispose();
    }
  });

  it('frees every tensor: numTensors flat over many iterations, none left after dispose', () => {
    const before = tf.memory().numTensors;
    const model = new LdaModel(docTermFromDense(DENSE), {
      eStep,
      nComponents: K,
      seed: 1,
      maxIter: 30,
    });
    model.step(true);
    const during = tf.memory().numTensors;
    for (let i = 0; i < 20; i++) {
      model.step(i % 3 === 0);
      expect(tf.memory().numTensors).toBe(during);
    }
    model.transform();
    model.perplexity();
    expect(tf.memory().numTensors).toBe(during);
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects bad options with a message for the learner', () => {
    const data = docTermFromDense(DENSE);
    expect(() => new LdaModel(data, { eStep, nComponents: 0 })).toThrow(/Number of topics/);
    expect(() => new LdaModel(data, { docTopicPrior: -1 })).toThrow(/docTopicPrior/);
    expect(() => new LdaModel(data, { eStep, nComponents: 2, initialLambda: [[1, 2]] })).toThrow(
      /initial λ/,
    );
  });
});

describe('perplexity', () => {
  it("sklearn's: exp(−bound / N) with a bound that matches a hand computation", () => {
    // One document, one term, one topic: E[log θ] = 0, E[log β] = 0, so the bound is
    // count·0 + (α−γ)·0 + lnΓ(γ) − lnΓ(α) + lnΓ(α) − lnΓ(γ) + the same for η/λ = 0.
    const data = docTermFromDense([[4]]);
    expect(approxBound(data, [2.5], [7], 1, 0.5, 0.1)).toBeCloseTo(0, 12);
    // Two topics: the bound is computed term by term here.
    const data2 = docTermFromDense([[2, 1]]);
    const gamma = [1.5, 2.5];
    const lambda = [3, 1, 1, 2];
    const a = 0.5;
    const eta = 0.25;
    const elogT = [digamma(1.5) - digamma(4), digamma(2.5) - digamma(4)];
    const elogB = [
      digamma(3) - digamma(4),
      digamma(1) - digamma(4),
      digamma(1) - digamma(3),
      digamma(2) - digamma(3),
    ];
    const lse = (x: number, y: number) => Math.log(Math.exp(x) + Math.exp(y));
    let want =
      2 * lse(elogT[0]! + elogB[0]!, elogT[1]! + elogB[2]!) +
      lse(elogT[0]! + elogB[1]!, elogT[1]! + elogB[3]!);
    want +=
      (a - 1.5) * elogT[0]! +
      (a - 2.5) * elogT[1]! +
      lgamma(1.5) +
      lgamma(2.5) -
      2 * lgamma(a) +
      lgamma(2 * a) -
      lgamma(4);
    lambda.forEach((l, i) => (want += (eta - l) * elogB[i]! + lgamma(l) - lgamma(eta)));
    want += 2 * lgamma(2 * eta) - lgamma(4) - lgamma(3);
    expect(approxBound(data2, gamma, lambda, 2, a, eta)).toBeCloseTo(want, 10);
  });

  it('document completion: uniform topics over V terms give perplexity V', () => {
    const data = docTermFromDense([
      [2, 2, 2, 2],
      [1, 3, 2, 2],
    ]);
    const { heldOut } = splitForCompletion(data);
    expect(completionPerplexity([1, 1, 2, 5], [1, 1, 1, 1, 2, 2, 2, 2], heldOut, 2)).toBeCloseTo(
      4,
      12,
    );
  });

  it('document completion: a topic that is exactly the document gives its entropy', () => {
    // Held-out half of [4, 4] is [2, 2]; topic β = (½, ½) ⇒ perplexity 2.
    const data = docTermFromDense([[4, 4, 0]]);
    const { observed, heldOut } = splitForCompletion(data);
    expect(Array.from(observed.counts)).toEqual([2, 2]);
    expect(completionPerplexity([3], [5, 5, 0], heldOut, 1)).toBeCloseTo(2, 12);
  });
});

describe('held-out split', () => {
  it('alternates tokens through the document, so single-count terms split too', () => {
    const { observed, heldOut } = splitForCompletion(docTermFromDense([[1, 1, 3, 1, 0]]));
    expect(Array.from(observed.indices)).toEqual([0, 2]);
    expect(Array.from(observed.counts)).toEqual([1, 2]);
    expect(Array.from(heldOut.indices)).toEqual([1, 2, 3]);
    expect(Array.from(heldOut.counts)).toEqual([1, 1, 1]);
  });
});

describe.each(PATHS)("scikit-learn's own code (fixture, %s E-step)", (eStep) => {
  // tests/unit/lda/sklearnFixture.json: bench/lda/sklearn_reference.py ran scikit-learn 1.9.1's
  // _e_step / M-step on this corpus from INITIAL_LAMBDA, every E-step from γ = 1.
  it('five batch iterations, the final transform, the bound and perplexity match', () => {
    const model = new LdaModel(docTermFromDense(DENSE), {
      eStep,
      nComponents: K,
      docTopicPrior: fixture.alpha,
      topicWordPrior: fixture.eta,
      initialLambda: INITIAL_LAMBDA,
      docInit: 'ones',
    });
    try {
      let worst = 0;
      for (const step of fixture.steps) {
        const s = model.step(false);
        for (const [got, want] of [
          [s.lambda, step.lambda],
          [s.gamma, step.gamma],
        ] as const) {
          for (let i = 0; i < want.length; i++) {
            worst = Math.max(worst, Math.abs(got[i]! - want[i]!) / Math.max(1, Math.abs(want[i]!)));
          }
        }
      }
      expect(worst).toBeLessThan(2e-5);
      const gamma = model.transform();
      expectClose(gamma, fixture.finalGamma, 2e-5, 'transform γ');
      const bound = approxBound(
        docTermFromDense(DENSE),
        gamma,
        model.lambda(),
        K,
        fixture.alpha,
        fixture.eta,
      );
      expect(Math.abs(bound - fixture.bound) / Math.abs(fixture.bound)).toBeLessThan(1e-5);
      expect(model.perplexity()).toBeCloseTo(fixture.perplexity, 3);
    } finally {
      model.dispose();
    }
  });
});

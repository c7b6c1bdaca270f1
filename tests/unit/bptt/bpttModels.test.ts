import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { NORM_PRESETS } from '../../../src/widgets/bptt/bpttSchemas';
import { gradientNorms } from '../../../src/widgets/bptt/bpttNorms';
import { runClipping } from '../../../src/widgets/bptt/clippingRun';
import { trendOf } from '../../../src/widgets/bptt/trend';
import { trainRnnHihello } from '../../../src/widgets/simple-rnn/rnnHihello';
import { rnnCellSteps, unitsByStep } from '../../../src/widgets/simple-rnn/rnnCellModel';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const preset = (id: string) => NORM_PRESETS.find((p) => p.id === id)!;

describe('BPTT presets', () => {
  it('vanishing: the SimpleRNN norm falls by many decades going back', () => {
    const r = gradientNorms({ ...preset('vanishing'), seed: 1 });
    expect(trendOf(r.rnn)).toBe('vanishing');
    expect(r.rnn[0]! / r.rnn[r.rnn.length - 1]!).toBeLessThan(1e-6);
    console.log(
      'vanishing',
      r.rnn[0],
      r.rnn[r.rnn.length - 1],
      'lstm',
      r.lstm[0],
      r.lstm[r.lstm.length - 1],
      r.ms,
    );
  });
  it('exploding: the SimpleRNN norm grows by many decades going back', () => {
    const r = gradientNorms({ ...preset('exploding'), seed: 1 });
    expect(trendOf(r.rnn)).toBe('exploding');
    expect(r.rnn[0]! / r.rnn[r.rnn.length - 1]!).toBeGreaterThan(1e6);
    console.log(
      'exploding',
      r.rnn[0],
      r.rnn[r.rnn.length - 1],
      'lstm',
      r.lstm[0],
      r.lstm[r.lstm.length - 1],
      r.ms,
    );
  });
});

describe('clipping run', () => {
  it('diverges with a message without clipping, stays finite with it', async () => {
    const base = { threshold: 1, lr: 0.5, epochs: 5, seed: 0 };
    const off = await runClipping({ ...base, mode: 'none' }).done;
    expect(off.status).toBe('diverged');
    expect(off.message?.ko).toContain('기울기 클리핑');
    expect(off.message?.en).toContain('gradient clipping');
    const on = await runClipping({ ...base, mode: 'per-tensor' }).done;
    expect(on.status).toBe('completed');
    expect(on.steps.every((s) => Number.isFinite(s.loss))).toBe(true);
    expect(on.clippedFraction).toBeGreaterThan(0.5);
    const global = await runClipping({ ...base, mode: 'global' }).done;
    expect(global.status).toBe('completed');
    expect(global.steps.every((s) => s.gradNormAfterClip <= 1 + 1e-4)).toBe(true);
    console.log('clip', off.steps.length, on.seconds, on.clippedFraction);
  });
});

describe('SimpleRNN on hihello', () => {
  it('reaches 6/6 with the defaults', async () => {
    const r = await trainRnnHihello({
      word: 'hihello',
      hidden: 5,
      learningRate: 0.1,
      epochs: 50,
      seed: 0,
    }).done;
    expect(r.status).toBe('completed');
    expect(r.correct).toBe(6);
    expect(r.losses[49]!).toBeLessThan(r.losses[0]!);
    console.log('hihello seconds', r.seconds);
  });
  it('learns another word with its own vocabulary', async () => {
    const r = await trainRnnHihello({
      word: 'banana',
      hidden: 5,
      learningRate: 0.1,
      epochs: 60,
      seed: 0,
    }).done;
    expect(r.predictions).toHaveLength(5);
    expect(r.correct).toBeGreaterThanOrEqual(4);
  });
  it('traces the cell over hihello from a zero state', () => {
    const s = rnnCellSteps(3, 'tanh');
    expect(s.steps).toBe(6);
    expect(s.inputChars.join('')).toBe('hihell');
    for (let j = 0; j < 5; j++) {
      expect(Math.tanh(s.wx[0]![j]! + s.uh[0]![j]! + s.b[j]!)).toBeCloseTo(s.h[0]![j]!, 5);
      expect(s.uh[0]![j]).toBe(0);
      expect(Math.tanh(s.wx[3]![j]! + s.uh[3]![j]! + s.b[j]!)).toBeCloseTo(s.h[3]![j]!, 5);
    }
    expect(unitsByStep(s.h)).toHaveLength(5);
  });
});

import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BackendInitResult } from '../../../../src/core/runtime';
import { createTrainingHost, type FromWorker, type TrainingJob } from '../../../../src/core/worker';
import { useCpu } from '../helpers';

beforeAll(useCpu);

// The worker's side, driven directly: the same code runs inside trainWorker.ts.
const job: TrainingJob = {
  kind: 'next-character',
  cell: { kind: 'lstm', units: 4 },
  init: { seed: 1 },
  options: { learningRate: 0.05, epochs: 3, batchSize: 1 },
};

const onCpu = async (): Promise<BackendInitResult> => {
  await tf.setBackend('cpu');
  return { backend: 'cpu', reason: 'user-choice', failures: [] };
};

function host() {
  const messages: FromWorker[] = [];
  const transfers: number[] = [];
  const h = createTrainingHost((message, transfer) => {
    messages.push(message);
    transfers.push(transfer?.length ?? 0);
  }, onCpu);
  const types = () => messages.map((m) => m.type);
  return { h, messages, transfers, types };
}

describe('training host (the worker side)', () => {
  it('reports ready, every batch and epoch, and the result; frees its tensors', async () => {
    const before = tf.memory().numTensors;
    const { h, messages, transfers, types } = host();
    h.handle({ type: 'start', job, snapshotEvery: 2 });
    await h.finished;
    expect(types()).toEqual([
      'ready',
      'batchEnd',
      'epochEnd',
      'batchEnd',
      'epochEnd',
      'batchEnd',
      'epochEnd',
      'done',
    ]);
    const ready = messages[0] as Extract<FromWorker, { type: 'ready' }>;
    expect(ready).toMatchObject({ backend: 'cpu', reason: 'user-choice' });
    expect(ready.snapshot.step).toBe(0);
    const batches = messages.filter((m) => m.type === 'batchEnd');
    expect(batches.map((m) => m.event.step)).toEqual([1, 2, 3]);
    expect(batches.map((m) => m.snapshot?.step)).toEqual([undefined, 2, undefined]);
    const done = messages.at(-1) as Extract<FromWorker, { type: 'done' }>;
    expect(done.result).toMatchObject({ status: 'completed', steps: 3, epochsRun: 3 });
    expect(transfers.at(-1)).toBe(done.result.snapshot.values.length); // buffers moved, not copied
    expect(tf.memory().numTensors).toBe(before);
  });

  it('honours a cancel that arrives before training starts', async () => {
    const { h, messages } = host();
    h.handle({ type: 'start', job });
    h.handle({ type: 'cancel' });
    await h.finished;
    const done = messages.at(-1) as Extract<FromWorker, { type: 'done' }>;
    expect(done.result).toMatchObject({ status: 'cancelled', steps: 0 });
  });

  it('reports a bad job or a second start as an error message', async () => {
    const bad = host();
    bad.h.handle({ type: 'start', job: { ...job, kind: 'nope' } as unknown as TrainingJob });
    await bad.h.finished;
    expect(bad.messages).toEqual([
      { type: 'error', name: 'CoreInputError', message: expect.stringMatching(/"nope"/) },
    ]);
    bad.h.handle({ type: 'start', job });
    expect(bad.messages.at(-1)).toMatchObject({ type: 'error', message: /already runs a job/ });
  });

  it('answers a snapshot request once training runs', async () => {
    const { h, messages } = host();
    h.handle({ type: 'snapshot', id: 1 });
    expect(messages[0]).toMatchObject({ type: 'error', message: /has not started training/ });
    h.handle({ type: 'start', job: { ...job, options: { ...job.options, epochs: 50 } } });
    await new Promise((resolve) => setTimeout(resolve, 30));
    h.handle({ type: 'snapshot', id: 7 });
    h.handle({ type: 'cancel' });
    await h.finished;
    const answer = messages.find((m) => m.type === 'snapshot');
    expect(answer).toMatchObject({ type: 'snapshot', id: 7 });
  });
});

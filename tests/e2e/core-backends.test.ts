import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openPage } from '../support/browser';

// The tensor runtime in real Chromium, driven through the lab page (lab.html, built as the
// site's second input). SwiftShader gives headless Chromium a software WebGL2, so all three
// backends run here: webgl (forced), wasm (chosen) and cpu.

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

type Traces = Record<string, Record<string, number[]>>;

/** Opens the lab page; records requests that leave our own server. */
async function openLab() {
  const opened = await openPage(browser, 'lab.html');
  const origin = new URL(opened.page.url()).origin;
  const foreign: string[] = [];
  const wasmFiles: string[] = [];
  opened.page.on('request', (request) => {
    const url = request.url();
    if (url.endsWith('.wasm')) wasmFiles.push(new URL(url).pathname);
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) {
      foreign.push(url);
    }
  });
  await opened.page.waitForFunction(() => document.documentElement.dataset.labReady === 'true');
  return { ...opened, foreign, wasmFiles };
}

const traceOn = (page: Page, backend: 'webgl' | 'wasm' | 'cpu') =>
  page.evaluate((b) => window.gatebookLab.traces(b), backend) as Promise<{
    backend: string;
    traces: Traces;
  }>;

function maxDifference(a: Traces, b: Traces): { worst: number; where: string } {
  let worst = 0;
  let where = '';
  for (const [cell, arrays] of Object.entries(a)) {
    for (const [name, values] of Object.entries(arrays)) {
      const other = b[cell]![name]!;
      expect(other.length, `${cell}.${name}`).toBe(values.length);
      values.forEach((v, k) => {
        const d = Math.abs(v - other[k]!);
        if (!(d <= worst)) {
          worst = d;
          where = `${cell}.${name}[${k}]`;
        }
      });
    }
  }
  return { worst, where };
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

describe('tensor runtime in Chromium (lab page)', () => {
  it('chooses wasm on SwiftShader, says why, and serves the wasm binary itself', async () => {
    const { context, page, errors, foreign, wasmFiles } = await openLab();
    const probe = await page.evaluate(() => window.gatebookLab.probe());
    expect(probe.webgl2).toBe(true);
    expect(probe.renderer).toMatch(/swiftshader/i);
    expect(await page.evaluate(() => window.gatebookLab.planned())).toEqual({
      backend: 'wasm',
      reason: 'software-webgl',
    });
    const result = await page.evaluate(() => window.gatebookLab.init());
    expect(result).toMatchObject({ backend: 'wasm', reason: 'software-webgl', failures: [] });
    expect(result.fellBackFrom).toBeUndefined();
    expect(result.wasm?.simd).toBe(true);
    expect(result.wasm?.threads).toBe(1); // the page is not cross-origin isolated
    await expect.poll(() => page.textContent('#backend')).toBe('wasm (software-webgl)');
    expect(await page.textContent('#planned')).toBe('wasm (software-webgl)');
    expect(await page.textContent('#tensors')).toMatch(/^\d+ tensors, \d+ bytes$/);
    expect(wasmFiles).toEqual([
      expect.stringMatching(/\/assets\/tfjs-backend-wasm-simd-.+\.wasm$/),
    ]);
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('gives the same SimpleRNN, LSTM and GRU traces on webgl and wasm as on cpu (1e-4)', async () => {
    const { context, page, errors } = await openLab();
    const cpu = await traceOn(page, 'cpu');
    const wasm = await traceOn(page, 'wasm');
    const webgl = await traceOn(page, 'webgl');
    expect([cpu.backend, wasm.backend, webgl.backend]).toEqual(['cpu', 'wasm', 'webgl']);
    expect(Object.keys(cpu.traces)).toEqual(['simpleRNN', 'lstm', 'gruCourse', 'gruPytorch']);
    for (const other of [wasm, webgl]) {
      const { worst, where } = maxDifference(cpu.traces, other.traces);
      expect(worst, `${other.backend} vs cpu at ${where}`).toBeLessThanOrEqual(1e-4);
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  it('computes the fused LSTM path as the autodiff path does on webgl, wasm and cpu (1e-5)', async () => {
    const { context, page, errors } = await openLab();
    // Odd batch, odd features (webgl's shader gather, padded rows and features); even batch,
    // odd units (texture copies, a padded unit); a longer even case.
    const shapes = [
      { B: 5, T: 7, D: 3, H: 4 },
      { B: 4, T: 6, D: 2, H: 5 },
      { B: 8, T: 20, D: 1, H: 6 },
    ];
    for (const backend of ['webgl', 'wasm', 'cpu'] as const) {
      for (const shape of shapes) {
        const check = await page.evaluate(([b, s]) => window.gatebookLab.checkFused(b, s), [
          backend,
          shape,
        ] as const);
        const label = `${backend} ${JSON.stringify(shape)}`;
        expect(check.backend, label).toBe(backend);
        expect(check.fused, label).toBe(true);
        expect(check.maxRelativeError, label).toBeLessThan(1e-5);
        expect(check.tensorsLeaked, label).toBe(0);
      }
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  it('leaves no tensors behind across repeated trace runs on wasm', async () => {
    const { context, page } = await openLab();
    const { backend, counts } = await page.evaluate(() => window.gatebookLab.leakCheck('wasm', 6));
    expect(backend).toBe('wasm');
    expect(new Set(counts).size, `tensor counts ${counts.join(', ')}`).toBe(1);
    await context.close();
  });

  it('continues on wasm after a WebGL context loss mid-training, loss curve unbroken', async () => {
    const { context, page } = await openLab();
    const reference = await page.evaluate(() =>
      window.gatebookLab.train({ override: 'wasm', task: 'hihello', epochs: 30 }),
    );
    const lost = await page.evaluate(() =>
      window.gatebookLab.train({
        override: 'webgl',
        task: 'hihello',
        epochs: 30,
        loseContextAtStep: 10,
      }),
    );
    expect(lost.lostContext).toBe(true);
    expect(lost.startedOn).toBe('webgl');
    expect(lost.endedOn).toBe('wasm');
    expect(lost.recoveries).toEqual([
      expect.objectContaining({ step: 10, from: 'webgl', to: 'wasm' }),
    ]);
    expect(lost.status).toBe('completed');
    // No gap, no repeat: one loss per applied step, steps numbered 1 … 30, every epoch ended.
    expect(lost.steps).toBe(30);
    expect(lost.batchLoss).toHaveLength(30);
    expect(lost.stepsSeen).toEqual(Array.from({ length: 30 }, (_, k) => k + 1));
    expect(lost.epochsSeen).toEqual(Array.from({ length: 30 }, (_, k) => k));
    expect(lost.batchLoss.every(Number.isFinite)).toBe(true);
    // No reset: step 11 starts from the weights after step 10, so its loss is the one an
    // uninterrupted run computes (same weights, same batch; webgl vs wasm rounding only).
    for (let k = 0; k <= 10; k++) {
      expect(Math.abs(lost.batchLoss[k]! - reference.batchLoss[k]!), `step ${k + 1}`).toBeLessThan(
        1e-4,
      );
    }
    // … and keeps falling after the switch.
    const after = lost.batchLoss.slice(10);
    expect(after[after.length - 1]!).toBeLessThan(after[0]! / 4);
    expect(mean(after.slice(-5))).toBeLessThan(mean(after.slice(0, 5)));
    expect(await page.textContent('#backend')).toBe('wasm (user-choice, fell back from webgl)');
    await context.close();
  });

  it('resumes mid-epoch with exactly the batches that were left', async () => {
    const { context, page } = await openLab();
    const reference = await page.evaluate(() =>
      window.gatebookLab.train({ override: 'wasm', task: 'multiplication', epochs: 4 }),
    );
    const lost = await page.evaluate(() =>
      window.gatebookLab.train({
        override: 'webgl',
        task: 'multiplication',
        epochs: 4,
        loseContextAtStep: 6, // epoch 1, after its 2nd of 4 batches
      }),
    );
    expect(lost.recoveries).toEqual([
      expect.objectContaining({ step: 6, epoch: 1, batchesDone: 2, from: 'webgl', to: 'wasm' }),
    ]);
    expect(lost.steps).toBe(16);
    expect(lost.batchLoss).toHaveLength(16);
    expect(lost.stepsSeen).toEqual(Array.from({ length: 16 }, (_, k) => k + 1));
    expect(lost.epochsSeen).toEqual([0, 1, 2, 3]);
    for (let k = 0; k <= 6; k++) {
      expect(Math.abs(lost.batchLoss[k]! - reference.batchLoss[k]!), `step ${k + 1}`).toBeLessThan(
        1e-4,
      );
    }
    await context.close();
  });

  it('trains in a Web Worker without long tasks on the main thread', async () => {
    const { context, page, errors } = await openLab();
    const report = await page.evaluate(() =>
      window.gatebookLab.trainInWorker({ epochs: 2, big: true }),
    );
    expect(report.ready.backend).toBe('wasm');
    expect(report.status).toBe('completed');
    expect(report.steps).toBe(16);
    expect(report.losses).toHaveLength(16);
    expect(report.losses.every(Number.isFinite)).toBe(true);
    expect(mean(report.losses.slice(-4))).toBeLessThan(report.losses[0]!);
    expect(report.snapshotValues).toBe(4 * 30 * (2 + 30 + 1) + 30 + 1);
    expect(
      report.longTasks.filter((ms) => ms > 100),
      'long tasks (ms)',
    ).toEqual([]);
    expect(report.frames).toBeGreaterThan(report.seconds * 10); // the page kept painting
    expect(errors).toEqual([]);
    await context.close();
  });

  it('sees long tasks when the same job trains on the main thread (the observer works)', async () => {
    const { context, page } = await openLab();
    // Training yields to the event loop after every step, and the fused LSTM path on wasm takes
    // about 12 ms a step here: without yields, 16 steps are one task of about 200 ms.
    const report = await page.evaluate(() =>
      window.gatebookLab.trainOnMainThread({ epochs: 1, big: true, samples: 256, yieldEvery: 100 }),
    );
    expect(report.steps).toBe(16);
    expect(report.longTasks.filter((ms) => ms > 100).length).toBeGreaterThan(0);
    await context.close();
  });
});

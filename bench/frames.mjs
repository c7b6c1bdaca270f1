#!/usr/bin/env node
// Frame times while the LSTM cell animates: opens the LSTM lesson in headless Chromium at
// 1280×800 and 1920×1080 (classroom mode), plays the cell at the fastest speed (4×) and
// records requestAnimationFrame intervals for a few seconds. Writes bench/FRAMES.md.
// Not a test: frame rates on a shared machine vary; compare figures from one run.
//
//   node bench/frames.mjs              # builds dist/ first
//   node bench/frames.mjs --no-build   # uses dist/ as it is
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { CHROMIUM, launchChromium, previewSite } from './browser.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SECONDS = 6;

async function measure(browser, url, viewport) {
  const page = await browser.newPage({ viewport });
  await page.goto(url);
  const cell = page.locator('section.lstm-cell');
  await cell.waitFor({ timeout: 60_000 });
  await cell.locator('select').first().selectOption('4');
  await cell.getByRole('button', { name: /^(재생|Play)$/ }).click();
  const frames = await page.evaluate(
    (seconds) =>
      new Promise((resolve) => {
        const deltas = [];
        let last = performance.now();
        const end = last + seconds * 1000;
        const tick = (now) => {
          deltas.push(now - last);
          last = now;
          if (now < end) requestAnimationFrame(tick);
          else resolve(deltas);
        };
        requestAnimationFrame(tick);
      }),
    SECONDS,
  );
  await page.close();
  const sorted = [...frames].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return {
    frames: frames.length,
    medianMs: at(0.5),
    p95Ms: at(0.95),
    worstMs: sorted[sorted.length - 1],
    medianFps: 1000 / at(0.5),
  };
}

async function main() {
  if (!process.argv.includes('--no-build')) {
    process.env.NODE_ENV = 'production';
    await build({ root, mode: 'production', logLevel: 'warn' });
  }
  const { server, url: base } = await previewSite(root, path.join(root, 'dist'));
  const browser = await launchChromium();
  const cases = [
    ['lesson, 1280×800', `${base}#/lessons/lstm?lang=ko`, { width: 1280, height: 800 }],
    [
      'classroom, 1920×1080',
      `${base}#/lessons/lstm?lang=ko&classroom=1`,
      { width: 1920, height: 1080 },
    ],
  ];
  const rows = [];
  for (const [name, url, viewport] of cases) {
    const r = await measure(browser, url, viewport);
    rows.push(
      `| ${name} | ${r.frames} | ${r.medianMs.toFixed(1)} | ${r.medianFps.toFixed(1)} | ${r.p95Ms.toFixed(1)} | ${r.worstMs.toFixed(1)} |`,
    );
    console.log(name, r);
  }
  await browser.close();
  await server.close();
  const chromiumVersion = execFileSync(CHROMIUM, ['--version']).toString().trim();
  const text = `# Frame times: the LSTM cell playing at 4×

Written by \`node bench/frames.mjs\` on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} cores,
${chromiumVersion}, headless. The LSTM lesson's cell plays at the fastest speed (4×, a phase
every 225 ms) while requestAnimationFrame intervals are recorded for ${SECONDS} s. Target: median
≥ 55 fps. Headless Chromium renders without a GPU here, so these are software-compositing figures.

| case | frames | median ms | median fps | p95 ms | worst ms |
| --- | ---: | ---: | ---: | ---: | ---: |
${rows.join('\n')}
`;
  writeFileSync(path.join(root, 'bench/FRAMES.md'), text);
  console.log(text);
}

await main();

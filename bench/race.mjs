#!/usr/bin/env node
// The BPTT lesson's long-sequence race (SimpleRNN(30)×2 vs LSTM(30)×2 on the multiplication
// task) with the lesson's default settings, run the way a learner runs it: the built site in
// headless Chromium, the "Start race" button, the two Web Workers. Records, per epoch, both
// models' loss and validation loss as the page's results table shows them, the wall time, the
// workers' backend and the verdict, and writes bench/race-results.json. Not a test.
//
//   node bench/race.mjs               # the defaults (2,000 samples × 30 steps, 20 epochs)
//   node bench/race.mjs --no-build    # use dist/ as it is
//   node bench/race.mjs --query='race.steps=40'   # other settings, as in a shared link
import { existsSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { launchChromium, previewSite } from './browser.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const resultsFile = path.join(root, 'bench/race-results.json');
const args = process.argv.slice(2);
const arg = (name, fallback) =>
  args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const QUERY = arg('query', '');
/** The course's full-size preset runs for twenty minutes or more here; allow for it. */
const TIMEOUT_MS = 60 * 60_000;

/** The results table and progress line as numbers, read inside the page. */
function readRace() {
  const race = document.querySelector('section.seq-race');
  if (!race) return null;
  const row = (arch) => {
    const cells = [...race.querySelectorAll(`tr[data-arch="${arch}"] td`)].map((td) =>
      td.textContent.trim(),
    );
    const num = (text) => (text && text !== '–' ? Number(text.replace(/,/g, '')) : null);
    return { params: num(cells[0]), loss: num(cells[1]), valLoss: num(cells[2]), state: cells[3] };
  };
  return {
    status: race.getAttribute('data-status'),
    verdict: race.getAttribute('data-verdict'),
    verdictText: race.querySelector('[data-testid="race-verdict"]')?.textContent ?? null,
    steps: race.querySelector('[data-testid="race-steps"]')?.textContent ?? '',
    backend: race.querySelector('[data-backend]')?.getAttribute('data-backend') ?? null,
    simpleRNN: row('simpleRNN'),
    lstm: row('lstm'),
  };
}

async function main() {
  if (!args.includes('--no-build') || !existsSync(path.join(dist, 'index.html'))) {
    console.log('Building the site…');
    await build({ root, mode: 'production', logLevel: 'warn' });
  }
  const { server, url } = await previewSite(root, dist);
  const browser = await launchChromium();
  const loads = [os.loadavg()[0]];
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${url}#/lessons/bptt?lang=en${QUERY ? `&${QUERY}` : ''}`);
    const race = page.locator('section.seq-race');
    await race.scrollIntoViewIfNeeded();
    await race.getByRole('button', { name: 'Start the race' }).click();
    const started = Date.now();
    const epochs = { simpleRNN: [], lstm: [] };
    let last = null;
    while (Date.now() - started < TIMEOUT_MS) {
      last = await page.evaluate(readRace);
      for (const arch of ['simpleRNN', 'lstm']) {
        const seen = epochs[arch];
        const { loss, valLoss } = last[arch];
        const previous = seen[seen.length - 1];
        if (loss !== null && (!previous || previous.loss !== loss || previous.valLoss !== valLoss))
          seen.push({
            epoch: seen.length + 1,
            loss,
            valLoss,
            atSeconds: (Date.now() - started) / 1000,
          });
      }
      if (['completed', 'cancelled', 'error'].includes(last.status)) break;
      await page.waitForTimeout(250);
    }
    loads.push(os.loadavg()[0]);
    const result = {
      date: new Date().toISOString(),
      chromium: browser.version(),
      cores: os.cpus().length,
      loadAverage: loads,
      settings: QUERY || 'defaults',
      seconds: (Date.now() - started) / 1000,
      status: last?.status,
      backend: last?.backend,
      verdict: last?.verdict,
      verdictText: last?.verdictText,
      final: { simpleRNN: last?.simpleRNN, lstm: last?.lstm },
      epochs,
    };
    writeFileSync(resultsFile, `${JSON.stringify(result, null, 2)}\n`);
    console.log(JSON.stringify({ ...result, epochs: undefined }, null, 2));
    console.log(`Written to ${path.relative(root, resultsFile)}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
process.exit(0);

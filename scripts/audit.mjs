#!/usr/bin/env node
// `npm run audit`: Lighthouse 12 on the built book, the way a learner gets it.
//
// Builds dist/ if it is missing or older than the sources, serves it with `vite preview`
// (which also sends our Content-Security-Policy), and audits the home page and two lessons
// (lstm, gru) in Korean and English with the mobile and desktop presets, in Debian's
// Chromium (never a downloaded browser). Prints performance, accessibility and
// best-practices scores and writes bench/lighthouse.json.
//
//   node scripts/audit.mjs [--no-build] [--runs N] [--only lstm] [--preset mobile|desktop]
//                          [--lhr DIR]   (also write each full Lighthouse report to DIR)
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { build } from 'vite';
import { CHROMIUM, previewSite } from '../bench/browser.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const CATEGORIES = ['performance', 'accessibility', 'best-practices'];
const TARGET = 95;

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const RUNS = Math.max(1, Number(option('--runs') ?? 1));

// The addresses the book's own links lead to: each page written out as HTML at build time
// (scripts/build/prerender.ts), Korean without a prefix, English under en/.
const PAGES = [
  { id: 'home', path: '' },
  { id: 'lstm', path: 'lessons/lstm/' },
  { id: 'gru', path: 'lessons/gru/' },
].filter((p) => !option('--only') || p.id === option('--only'));
const pageUrl = (page, lang) => `${lang === 'en' ? 'en/' : ''}${page.path}`;
const LANGS = ['ko', 'en'];
const PRESETS = ['mobile', 'desktop'].filter(
  (p) => !option('--preset') || p === option('--preset'),
);

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

async function buildIfNeeded() {
  const built = path.join(dist, 'index.html');
  const sources = Math.max(
    ...['src', 'lessons', 'public', 'scripts', 'index.html', 'vite.config.ts'].map((p) => {
      const full = path.join(root, p);
      if (!existsSync(full)) return 0;
      return statSync(full).isDirectory() ? newestSource(full) : statSync(full).mtimeMs;
    }),
  );
  if (flag('--no-build') || (existsSync(built) && statSync(built).mtimeMs >= sources)) {
    console.log('dist/ is up to date');
    return;
  }
  console.log('building dist/ …');
  process.env.NODE_ENV = 'production';
  await build({ root, mode: 'production', logLevel: 'warn' });
}

const score = (category) => Math.round((category?.score ?? 0) * 100);

/** The audits that cost points in a category (score < 1, with weight), for the summary. */
function losses(lhr, categoryId) {
  const category = lhr.categories[categoryId];
  return category.auditRefs
    .filter((ref) => ref.weight > 0)
    .map((ref) => ({ ref, audit: lhr.audits[ref.id] }))
    .filter(({ audit }) => audit && audit.score !== null && audit.score < 1)
    .map(({ ref, audit }) => ({
      id: ref.id,
      score: audit.score,
      weight: ref.weight,
      value: audit.displayValue ?? '',
    }));
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)];
};

async function main() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: apt-get install -y chromium (no browser is downloaded)`,
    );
  }
  await buildIfNeeded();
  const { server, url: base } = await previewSite(root, dist);

  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  const results = [];
  try {
    for (const preset of PRESETS) {
      for (const page of PAGES) {
        for (const lang of LANGS) {
          const url = `${base}${pageUrl(page, lang)}`;
          const runs = [];
          for (let run = 0; run < RUNS; run++) {
            const result = await lighthouse(
              url,
              {
                port: chrome.port,
                output: 'json',
                logLevel: 'error',
                onlyCategories: CATEGORIES,
              },
              preset === 'desktop' ? desktopConfig : undefined,
            );
            runs.push(result.lhr);
            if (option('--lhr')) {
              mkdirSync(option('--lhr'), { recursive: true });
              writeFileSync(
                path.join(option('--lhr'), `${preset}-${page.id}-${lang}-${run}.json`),
                JSON.stringify(result.lhr),
              );
            }
          }
          const scores = Object.fromEntries(
            CATEGORIES.map((c) => [c, median(runs.map((lhr) => score(lhr.categories[c])))]),
          );
          const lhr = runs[0];
          const entry = {
            page: page.id,
            lang,
            preset,
            url: pageUrl(page, lang) || '/',
            scores,
            metrics: Object.fromEntries(
              [
                'first-contentful-paint',
                'largest-contentful-paint',
                'total-blocking-time',
                'cumulative-layout-shift',
                'speed-index',
              ].map((id) => [id, lhr.audits[id]?.numericValue ?? null]),
            ),
            losses: Object.fromEntries(CATEGORIES.map((c) => [c, losses(lhr, c)])),
            // Where the main-thread time goes (not scored, but it explains blocking time).
            bootup: (lhr.audits['bootup-time']?.details?.items ?? []).slice(0, 6).map((item) => ({
              url: String(item.url).replace(base, ''),
              totalMs: Math.round(item.total),
              scriptMs: Math.round(item.scripting),
            })),
            layoutShifts: (lhr.audits['layout-shifts']?.details?.items ?? [])
              .slice(0, 5)
              .map((item) => ({ score: item.score, node: item.node?.selector ?? '' })),
            consoleErrors: (lhr.audits['errors-in-console']?.details?.items ?? []).map(
              (item) => `${item.source ?? ''}: ${String(item.description ?? '').slice(0, 300)}`,
            ),
            runWarnings: lhr.runWarnings,
          };
          results.push(entry);
          const line = CATEGORIES.map((c) => `${c} ${String(scores[c]).padStart(3)}`).join('  ');
          console.log(`${preset.padEnd(7)} ${page.id.padEnd(5)} ${lang}  ${line}`);
          for (const c of CATEGORIES) {
            if (scores[c] >= TARGET) continue;
            for (const loss of entry.losses[c]) {
              console.log(`          ↳ ${c}: ${loss.id} (${loss.score}) ${loss.value}`);
            }
          }
        }
      }
    }
  } finally {
    await chrome.kill();
    await server.close();
  }

  const below = results.filter((r) => CATEGORIES.some((c) => r.scores[c] < TARGET));
  const summary = {
    tool: `lighthouse ${lighthouse.version ?? '12'}`,
    browser: CHROMIUM,
    date: new Date().toISOString(),
    target: TARGET,
    runsPerPage: RUNS,
    results,
    belowTarget: below.map((r) => `${r.preset} ${r.page} ${r.lang}`),
  };
  mkdirSync(path.join(root, 'bench'), { recursive: true });
  writeFileSync(path.join(root, 'bench/lighthouse.json'), `${JSON.stringify(summary, null, 2)}\n`);
  console.log(
    below.length
      ? `${below.length} of ${results.length} audits below ${TARGET}; details in bench/lighthouse.json`
      : `all ${results.length} audits at ${TARGET} or more; bench/lighthouse.json written`,
  );
  process.exitCode = below.length ? 1 : 0;
}

main().catch((error) => {
  console.error(error);
  process.exit(2);
});

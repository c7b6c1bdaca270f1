#!/usr/bin/env node
// Measures what each route of the built site downloads as JavaScript (gzip), from Vite's
// manifest: the home route is the entry chunk and its static imports; a lesson route adds
// its MDX chunk and the lazily loaded widgets its MDX embeds.
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

export const HOME_BUDGET_BYTES = 120 * 1024;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function staticClosure(manifest, keys, seen = new Set()) {
  for (const key of keys) {
    if (seen.has(key)) continue;
    seen.add(key);
    staticClosure(manifest, manifest[key]?.imports ?? [], seen);
  }
  return seen;
}

function widgetModules() {
  const source = readFileSync(path.join(root, 'src/widgets/index.ts'), 'utf8');
  const map = new Map();
  for (const m of source.matchAll(
    /(\w+):\s*framed\(\s*lazy\(\s*\(\)\s*=>\s*import\('\.\/(.+?)'\)/g,
  )) {
    map.set(m[1], `src/widgets/${m[2]}.tsx`);
  }
  return map;
}

export function measureBudget(distDir) {
  const manifestPath = path.join(distDir, '.vite/manifest.json');
  if (!existsSync(manifestPath))
    throw new Error(`no Vite manifest at ${manifestPath}: run the build first`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const gzipOf = new Map();
  const sizeOf = (key) => {
    const file = manifest[key]?.file;
    if (!file || !file.endsWith('.js')) return 0;
    if (!gzipOf.has(file))
      gzipOf.set(file, gzipSync(readFileSync(path.join(distDir, file))).length);
    return gzipOf.get(file);
  };
  const total = (keys) => [...keys].reduce((sum, key) => sum + sizeOf(key), 0);

  const entry = Object.keys(manifest).find((key) => manifest[key].isEntry);
  const home = staticClosure(manifest, [entry]);
  const homeFiles = [...home].map((key) => manifest[key].file);
  const homeSource = homeFiles
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(path.join(distDir, f), 'utf8'))
    .join('\n');

  const widgets = widgetModules();
  const lessons = [];
  for (const key of Object.keys(manifest).filter((k) => /^lessons\/[^/]+\/(ko|en)\.mdx$/.test(k))) {
    const mdx = readFileSync(path.join(root, key), 'utf8');
    const used = [...widgets.entries()].filter(([name]) => new RegExp(`<${name}\\b`).test(mdx));
    const keys = staticClosure(manifest, [key, ...used.map(([, file]) => file)]);
    for (const k of home) keys.delete(k);
    lessons.push({
      route: key.replace(/^lessons\//, '').replace(/\.mdx$/, ''),
      extra: total(keys),
    });
  }
  lessons.sort((a, b) => a.route.localeCompare(b.route));
  return {
    homeBytes: total(home),
    homeHasTfjs: /@tensorflow|tfjs-core|registerKernel\(/.test(homeSource),
    lessons: lessons.map((l) => ({ ...l, total: total(home) + l.extra })),
  };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const dist = path.resolve(process.argv[2] ?? path.join(root, 'dist'));
  const report = measureBudget(dist);
  console.log(`home route JS: ${kb(report.homeBytes)} gzip (budget ${kb(HOME_BUDGET_BYTES)})`);
  console.log(`tfjs in the home route: ${report.homeHasTfjs ? 'YES (not allowed)' : 'no'}`);
  for (const lesson of report.lessons) {
    console.log(
      `  ${lesson.route.padEnd(18)} ${kb(lesson.total).padStart(9)} gzip (home + ${kb(lesson.extra)})`,
    );
  }
  if (report.homeBytes > HOME_BUDGET_BYTES || report.homeHasTfjs) process.exit(1);
}

#!/usr/bin/env node
// Measures what each route of the built site downloads as JavaScript (gzip), from Vite's
// manifest: the home route is the entry chunk, the app it starts (src/app/start.tsx) and their
// static imports; a lesson route adds
// its MDX chunk and the lazily loaded widgets its MDX embeds.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
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

/** Lazily imported widgets, `Name: framed(lazy(() => import('./x/Y')))`, in one registry file. */
function lazyWidgets(file, map) {
  const source = readFileSync(file, 'utf8');
  const dir = path.relative(root, path.dirname(file)).split(path.sep).join('/');
  for (const m of source.matchAll(
    /(\w+):\s*framed\(\s*lazy\(\s*\(\)\s*=>\s*import\('(\.\.?\/.+?)'\)/g,
  )) {
    map.set(m[1], `${path.posix.join(dir, m[2])}.tsx`);
  }
}

/** Widget name → source file, from src/widgets/index.ts and each lesson's components.ts. */
function widgetModules() {
  const map = new Map();
  lazyWidgets(path.join(root, 'src/widgets/index.ts'), map);
  const widgets = path.join(root, 'src/widgets');
  for (const entry of readdirSync(widgets, { withFileTypes: true })) {
    const registry = path.join(widgets, entry.name, 'components.ts');
    if (entry.isDirectory() && existsSync(registry)) lazyWidgets(registry, map);
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
  // The app proper is imported by the entry right after a written-out page's first paint.
  const start = Object.keys(manifest).find((key) => key === 'src/app/start.tsx');
  const home = staticClosure(manifest, start ? [entry, start] : [entry]);
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
      widgets: used.map(([name]) => name).sort(),
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
  console.log(`lesson routes (JS gzip: whole route = home + the lesson's own chunks):`);
  console.log(`  ${'route'.padEnd(18)} ${'route'.padStart(9)} ${'lesson'.padStart(9)}  widgets`);
  for (const lesson of report.lessons) {
    console.log(
      `  ${lesson.route.padEnd(18)} ${kb(lesson.total).padStart(9)} ${kb(lesson.extra).padStart(9)}  ${lesson.widgets.join(', ') || '-'}`,
    );
  }
  if (report.homeBytes > HOME_BUDGET_BYTES || report.homeHasTfjs) process.exit(1);
}

import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOME_BUDGET_BYTES, measureBudget } from '../../scripts/bundle-budget.mjs';

// The browser project's global setup has just built the site into this folder.
const site = path.resolve(import.meta.dirname, '../.artifacts/site');

describe('bundle budget of the built site', () => {
  const report = measureBudget(site);

  it(`keeps the home route within ${HOME_BUDGET_BYTES / 1024} kB of gzip JavaScript`, () => {
    expect(report.homeBytes).toBeGreaterThan(10_000);
    expect(report.homeBytes).toBeLessThanOrEqual(HOME_BUDGET_BYTES);
  });

  it('keeps tfjs out of the home route', () => {
    expect(report.homeHasTfjs).toBe(false);
  });

  it('lists every written lesson route in both languages', () => {
    const routes = report.lessons.map((l) => l.route);
    expect(routes).toContain('sequences/ko');
    expect(routes).toContain('sequences/en');
    const written = readdirSync(path.resolve(import.meta.dirname, '../../lessons')).filter((slug) =>
      ['ko', 'en'].every((lang) =>
        existsSync(path.resolve(import.meta.dirname, `../../lessons/${slug}/${lang}.mdx`)),
      ),
    );
    for (const slug of written) {
      for (const lang of ['ko', 'en']) {
        const lesson = report.lessons.find((l) => l.route === `${slug}/${lang}`);
        expect(lesson, `${slug}/${lang}`).toBeDefined();
        // Each route adds its own chunks (the MDX and its widgets) to the home route's.
        expect(lesson!.extra).toBeGreaterThan(0);
        expect(lesson!.total).toBe(report.homeBytes + lesson!.extra);
        expect(lesson!.widgets.length).toBeGreaterThan(0);
      }
    }
  });
});

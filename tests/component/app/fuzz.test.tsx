import { act, fireEvent, render, waitFor } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/app/App';
import { LESSONS, isLessonAvailable } from '../../../src/lessons/registry';
import { clearNotices } from '../../../src/state/notices';
import { parseParam, type Schema } from '../../../src/state/schema';
import { getLocation } from '../../../src/state/urlStore';
import { registeredSchemas } from '../../../src/state/widgetScope';
import { HOSTILE, hostileRaw, isSchema, rng } from '../../unit/state/hostileValues';

/**
 * Drives every widget of every lesson with hostile values, through the link and through
 * its input fields, in jsdom. Schemas are found two ways: by rendering (each
 * `useWidgetState` registers its schema under its URL prefix) and by importing every widget
 * module (exported schema tables), which must agree, so no widget escapes the fuzzing.
 */
const widgetModules = import.meta.glob<Record<string, unknown>>(
  ['../../../src/widgets/**/*.{ts,tsx}', '!../../../src/widgets/**/*.worker.ts'],
  { eager: true },
);
const exportedSchemas = new Set<Schema>(
  Object.values(widgetModules).flatMap((m) => Object.values(m).filter(isSchema)),
);

function goTo(hash: string) {
  act(() => {
    window.location.hash = hash;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
}

const lessons = LESSONS.filter((l) => isLessonAvailable(l.slug)).map((l) => l.slug);
const prefixesOf = new Map<string, string[]>();
const uncaught: string[] = [];
const onError = (event: ErrorEvent) => uncaught.push(String(event.error ?? event.message));

/** Waits until every widget frame shows its widget (not the lazy-loading placeholder). */
async function widgetsLoaded() {
  await waitFor(
    () => {
      const frames = [...document.querySelectorAll('.widget-frame')];
      expect(frames.length).toBeGreaterThan(0);
      for (const f of frames) expect(f.querySelector('.widget, .widget-error')).toBeTruthy();
    },
    { timeout: 30_000 },
  );
}

function expectNoBrokenWidget(where: string) {
  const errors = [...document.querySelectorAll('.widget-error')].map((e) => e.textContent);
  expect(errors, where).toEqual([]);
  expect(uncaught, where).toEqual([]);
}

let consoleErrors: string[] = [];
beforeAll(() => {
  window.addEventListener('error', onError);
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    consoleErrors.push(args.map(String).join(' ').slice(0, 300));
  });
});
afterAll(() => {
  window.removeEventListener('error', onError);
  vi.restoreAllMocks();
});

describe('fuzzing every widget', () => {
  it('collects each lesson’s schemas by rendering it, covering every exported schema', async () => {
    for (const slug of lessons) {
      const before = new Set(registeredSchemas().keys());
      goTo(`#/lessons/${slug}`);
      const { unmount } = render(<App />);
      await widgetsLoaded();
      prefixesOf.set(
        slug,
        [...registeredSchemas().keys()].filter((k) => !before.has(k)),
      );
      unmount();
    }
    const rendered = new Set(registeredSchemas().values());
    const missing = [...exportedSchemas].filter((s) => !rendered.has(s));
    expect(missing.map((s) => Object.keys(s).join(','))).toEqual([]);
    expect(registeredSchemas().size).toBeGreaterThanOrEqual(exportedSchemas.size);
  }, 240_000);

  for (const slug of ['sequences', 'simple-rnn', 'lstm', 'gru', 'bptt']) {
    it(`${slug}: hostile links are clamped or reset with notices, and inputs take garbage`, async () => {
      if (!prefixesOf.has(slug)) return; // lesson not written yet
      consoleErrors = [];
      const next = rng(slug.length * 31337);
      const prefixes = prefixesOf.get(slug)!;
      expect(prefixes.length).toBeGreaterThan(0);
      goTo(`#/lessons/${slug}`);
      const { unmount } = render(<App />);
      await widgetsLoaded();
      let values = 0;
      for (let round = 0; round < 4; round++) {
        clearNotices();
        const params = new URLSearchParams();
        for (const prefix of prefixes) {
          const schema = registeredSchemas().get(prefix)!;
          for (const [key, param] of Object.entries(schema)) {
            params.set(`${prefix}.${key}`, hostileRaw(param, next));
            values++;
          }
        }
        params.set('__proto__.polluted', '1');
        params.set('constructor.prototype', 'x');
        goTo(`#/lessons/${slug}?${params.toString()}`);
        await widgetsLoaded();
        // The link is rewritten to what the page really uses: every value now parses cleanly.
        await waitFor(() => {
          const now = getLocation().params;
          for (const prefix of prefixes) {
            const schema = registeredSchemas().get(prefix)!;
            for (const [key, param] of Object.entries(schema)) {
              const raw = now.get(`${prefix}.${key}`);
              if (raw !== null)
                expect(parseParam(param, raw).action, `${prefix}.${key}=${raw}`).toBe('ok');
            }
          }
        });
        const changed = [...params.entries()].some(
          ([k, v]) => k.includes('.') && getLocation().params.get(k) !== v,
        );
        if (changed) expect(document.querySelector('[data-testid="link-notice"]')).not.toBeNull();
        expectNoBrokenWidget(`${slug} round ${round}`);
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();

      // Inputs: every text/number field and slider inside a widget gets garbage typed in.
      const fields = [
        ...document.querySelectorAll<HTMLInputElement>(
          '.widget input:not([type=checkbox]):not([type=radio]):not([type=file]):not([readonly]), .widget textarea:not([readonly])',
        ),
      ].filter((el) => !el.disabled);
      // A seeded sample keeps the run short where a weight editor has dozens of cells.
      const sample = fields.filter((_, i) => i < 6 || next() < 20 / fields.length);
      for (const field of sample) {
        for (let k = 0; k < 4; k++) {
          const value =
            next() < 0.5
              ? HOSTILE[Math.floor(next() * HOSTILE.length)]!
              : String((next() - 0.5) * 10 ** Math.floor(next() * 30));
          if (!field.isConnected) break;
          act(() => {
            fireEvent.change(field, { target: { value } });
            fireEvent.blur(field);
          });
          values++;
        }
      }
      for (const select of document.querySelectorAll<HTMLSelectElement>('.widget select')) {
        act(() => {
          fireEvent.change(select, { target: { value: '__proto__' } });
        });
      }
      expectNoBrokenWidget(`${slug} inputs`);
      expect(values).toBeGreaterThan(40);
      // React reports render errors through console.error; none may come from the fuzzing.
      expect(
        consoleErrors.filter((m) => /Error|error/.test(m) && !/not implemented/i.test(m)),
      ).toEqual([]);
      unmount();
    }, 240_000);
  }
});

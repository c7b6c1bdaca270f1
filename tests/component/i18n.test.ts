import { describe, expect, it } from 'vitest';
import { registeredDictionaries } from '../../src/i18n/defineStrings';

// Load every UI module so each one's string table registers itself.
import.meta.glob(['../../src/**/*.{ts,tsx}', '!../../src/main.tsx', '!../../src/core/**'], {
  eager: true,
});

const HANGUL = /[\uac00-\ud7a3]/;

/** Strings that are rightly the same in both languages (names of technologies). */
const SAME_IN_BOTH = new Set([
  'backendBadge.webgl',
  'backendBadge.wasm',
  'backendBadge.cpu',
  'heatmap.step',
  'activationExplorer.tanh',
  'activationExplorer.relu',
  'activationExplorer.leakyRelu',
  'activationExplorer.elu',
  'activationExplorer.maxout',
  'activationExplorer.preset-abs',
  'activationExplorer.chainValue',
  'rnnShapes.tokens-many-to-many',
]);

/** English strings that quote Korean on purpose (a Korean example with its gloss). */
const KOREAN_IN_ENGLISH = new Set(['rnnShapes.tokens-many-to-one']);

describe('every UI string exists in Korean and English', () => {
  const dictionaries = registeredDictionaries();

  it('finds the string tables', () => {
    expect(dictionaries.length).toBeGreaterThanOrEqual(3);
  });

  for (const { name, dict } of dictionaries) {
    it(`${name}: same keys, no empty strings, Korean really Korean`, () => {
      expect(Object.keys(dict.en).sort()).toEqual(Object.keys(dict.ko).sort());
      const problems: string[] = [];
      for (const key of Object.keys(dict.ko)) {
        const id = `${name}.${key}`;
        const ko = dict.ko[key] ?? '';
        const en = dict.en[key] ?? '';
        if (!ko.trim() || !en.trim()) problems.push(`${id}: empty`);
        if (!KOREAN_IN_ENGLISH.has(id) && HANGUL.test(en))
          problems.push(`${id}: Korean in English`);
        if (SAME_IN_BOTH.has(id)) continue;
        if (ko === en) problems.push(`${id}: the Korean text is the English one`);
        // A Korean string with Latin words must still be Korean (symbols and names are fine).
        if (/[a-z]{4,}/i.test(ko.replace(/\{\w+\}/g, '')) && !HANGUL.test(ko)) {
          problems.push(`${id}: no Hangul in the Korean text`);
        }
      }
      expect(problems).toEqual([]);
    });
  }
});

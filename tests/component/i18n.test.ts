import { describe, expect, it } from 'vitest';
import { registeredDictionaries } from '../../src/i18n/defineStrings';

// Load every UI module so each one's string table registers itself.
import.meta.glob(['../../src/**/*.{ts,tsx}', '!../../src/main.tsx', '!../../src/core/**'], {
  eager: true,
});

const HANGUL = /[\uac00-\ud7a3]/;

/** Strings that are rightly the same in both languages (names of technologies). */
const SAME_IN_BOTH = new Set(['backendBadge.webgl', 'backendBadge.wasm', 'backendBadge.cpu']);

describe('every UI string exists in Korean and English', () => {
  const dictionaries = registeredDictionaries();

  it('finds the string tables', () => {
    expect(dictionaries.length).toBeGreaterThanOrEqual(3);
  });

  for (const { name, dict } of dictionaries) {
    it(`${name}: same keys, no empty strings, Korean really Korean`, () => {
      expect(Object.keys(dict.en).sort()).toEqual(Object.keys(dict.ko).sort());
      for (const key of Object.keys(dict.ko)) {
        const ko = dict.ko[key] ?? '';
        const en = dict.en[key] ?? '';
        expect(ko.trim(), `${name}.${key} (ko)`).not.toBe('');
        expect(en.trim(), `${name}.${key} (en)`).not.toBe('');
        if (SAME_IN_BOTH.has(`${name}.${key}`)) continue;
        expect(ko, `${name}.${key}: the Korean text is the English one`).not.toBe(en);
        // A Korean string with Latin words must still be Korean (symbols and names are fine).
        if (/[a-z]{4,}/i.test(ko.replace(/\{\w+\}/g, ''))) {
          expect(ko, `${name}.${key} has no Hangul`).toMatch(HANGUL);
        }
        expect(en, `${name}.${key} (en) contains Korean`).not.toMatch(HANGUL);
      }
    });
  }
});

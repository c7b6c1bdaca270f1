import type { Lang } from './lang';

export type Dictionary<K extends string> = Record<Lang, Record<K, string>>;

const registered: { name: string; dict: Dictionary<string> }[] = [];

/**
 * Declares a component's UI strings. The English table must have exactly the Korean
 * table's keys (the type system enforces it; tests check every registered table at run time).
 */
export function defineStrings<K extends string>(
  name: string,
  ko: Record<K, string>,
  en: Record<K, string>,
): Dictionary<K> {
  const dict = { ko, en };
  registered.push({ name, dict });
  return dict;
}

export function registeredDictionaries(): readonly { name: string; dict: Dictionary<string> }[] {
  return registered;
}

/** Fills `{name}` placeholders; values are numbers or our own strings, never raw user text. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  );
}

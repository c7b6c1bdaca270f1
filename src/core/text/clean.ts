// Cleaning with named regular expressions: each rule is shown to the learner (its pattern and
// what it does, in both languages) and can be switched on or off.
import { check } from '../errors';

export type Bilingual = { ko: string; en: string };

export interface CleaningRule {
  /** Stable name, used in URLs and option lists. */
  id: CleaningRuleId;
  /** The pattern as the learner sees it (JavaScript regex literal syntax). */
  source: string;
  /** What the pattern is replaced with (`' '`, `''`), or 'lower-case' for case folding. */
  replacement: string;
  description: Bilingual;
  /** The rule itself; a fresh RegExp is built from `source` + flags on every call. */
  apply(text: string): string;
}

export const CLEANING_RULE_IDS = ['html', 'url', 'keepChars', 'lowercase', 'spaces'] as const;
export type CleaningRuleId = (typeof CLEANING_RULE_IDS)[number];

function replaceRule(
  id: CleaningRuleId,
  pattern: RegExp,
  replacement: string,
  description: Bilingual,
): CleaningRule {
  return {
    id,
    source: `/${pattern.source}/${pattern.flags}`,
    replacement,
    description,
    apply: (text) => text.replace(new RegExp(pattern.source, pattern.flags), replacement),
  };
}

/**
 * The cleaning rules, in the order they run. Every rule is idempotent and none of them can
 * make a later one undo its work (tags go before the character filter, spaces last).
 */
export const CLEANING_RULES: readonly CleaningRule[] = [
  replaceRule('html', /<[^>]*>/g, ' ', {
    ko: 'HTML 태그(<br /> 같은)를 공백으로 바꿉니다.',
    en: 'Replaces HTML tags (such as <br />) with a space.',
  }),
  replaceRule('url', /https?:\/\/\S+|www\.\S+/g, ' ', {
    ko: '웹 주소(URL)를 공백으로 바꿉니다.',
    en: 'Replaces web addresses (URLs) with a space.',
  }),
  replaceRule('keepChars', /[^가-힣ㄱ-ㅎㅏ-ㅣa-zA-Z0-9\s]/g, ' ', {
    ko: '한글, 영문자, 숫자, 공백만 남기고 나머지(문장 부호, 이모지 등)는 공백으로 바꿉니다.',
    en: 'Keeps only Hangul, Latin letters, digits and spaces; everything else (punctuation, emoji) becomes a space.',
  }),
  {
    id: 'lowercase',
    source: '/[A-Z]/g',
    replacement: 'lower-case',
    description: {
      ko: '영어 대문자를 소문자로 바꿔 "Great"와 "great"를 같은 단어로 봅니다. (한글에는 대소문자가 없습니다.)',
      en: 'Turns capital letters into small ones so "Great" and "great" are one word. (Hangul has no case.)',
    },
    apply: (text) => text.replace(/[A-Z]/g, (c) => c.toLowerCase()),
  },
  replaceRule('spaces', /\s+/g, ' ', {
    ko: '연속된 공백·탭·줄바꿈을 공백 하나로 줄이고 앞뒤 공백을 지웁니다.',
    en: 'Collapses runs of spaces, tabs and line breaks into one space and trims both ends.',
  }),
];

const RULES_BY_ID = new Map(CLEANING_RULES.map((rule) => [rule.id, rule]));

export function cleaningRule(id: CleaningRuleId): CleaningRule {
  const rule = RULES_BY_ID.get(id);
  check(rule !== undefined, () => `Unknown cleaning rule "${String(id)}".`);
  return rule;
}

/** Every rule on: what the sentiment lesson uses by default. */
export const DEFAULT_CLEANING: readonly CleaningRuleId[] = CLEANING_RULE_IDS;

export interface CleaningStep {
  id: CleaningRuleId;
  /** The text after this rule (the text before is the previous step's, or the input). */
  text: string;
  /** How many characters the rule changed, added or removed (0: the rule did nothing). */
  changed: boolean;
}

/** Runs the enabled rules in their fixed order; returns the result and every intermediate text. */
export function cleanTextSteps(
  text: string,
  enabled: Iterable<CleaningRuleId> = DEFAULT_CLEANING,
): { text: string; steps: CleaningStep[] } {
  const on = new Set(enabled);
  for (const id of on) cleaningRule(id);
  let current = text;
  const steps: CleaningStep[] = [];
  for (const rule of CLEANING_RULES) {
    if (!on.has(rule.id)) continue;
    let next = rule.apply(current);
    if (rule.id === 'spaces') next = next.trim();
    steps.push({ id: rule.id, text: next, changed: next !== current });
    current = next;
  }
  return { text: current, steps };
}

/** The cleaned text only. */
export function cleanText(text: string, enabled: Iterable<CleaningRuleId> = DEFAULT_CLEANING) {
  return cleanTextSteps(text, enabled).text;
}

// The whole text pipeline for one text, with every stage kept for display: cleaning rules,
// whitespace tokens, josa stripping, truncation to N characters, stop words.
import { cleanTextSteps, DEFAULT_CLEANING, type CleaningRuleId, type CleaningStep } from './clean';
import { isStopword, type StopwordLanguage } from './stopwords';
import { splitJosa, truncateWord, whitespaceTokens } from './tokens';

export interface TextPipelineOptions {
  /** Cleaning rules that are on (they run in CLEANING_RULES order). Default: all. */
  cleaning?: readonly CleaningRuleId[];
  /** Strip Korean particles (조사) from each token. Default false. */
  josa?: boolean;
  /** Cut every token to this many characters (the course uses 5); 0 or undefined: off. */
  truncate?: number;
  /** Drop stop words (stopwords-iso, negations kept). Default false. */
  stopwords?: boolean;
  stopwordLanguages?: readonly StopwordLanguage[];
}

export interface TokenStage {
  /** The whitespace token as it came out of cleaning. */
  raw: string;
  /** After josa stripping (same as raw when off or nothing matched). */
  stem: string;
  josa: string;
  /** After truncation: the word that goes into the vocabulary. */
  word: string;
  /** True when stop-word removal dropped it. */
  stopword: boolean;
}

export interface PipelineStages {
  input: string;
  cleaning: CleaningStep[];
  cleaned: string;
  tokens: TokenStage[];
  /** The words kept, in order: what the vocabulary sees. */
  words: string[];
}

export function textPipeline(text: string, options: TextPipelineOptions = {}): PipelineStages {
  const { text: cleaned, steps } = cleanTextSteps(text, options.cleaning ?? DEFAULT_CLEANING);
  const truncate = options.truncate ?? 0;
  const stopOptions = { languages: options.stopwordLanguages ?? (['ko', 'en'] as const) };
  const tokens = whitespaceTokens(cleaned).map((raw): TokenStage => {
    const { stem, josa } = options.josa ? splitJosa(raw) : { stem: raw, josa: '' };
    const word = truncate > 0 ? truncateWord(stem, truncate) : stem;
    const stopword =
      Boolean(options.stopwords) && (isStopword(raw, stopOptions) || isStopword(word, stopOptions));
    return { raw, stem, josa, word, stopword };
  });
  return {
    input: text,
    cleaning: steps,
    cleaned,
    tokens,
    words: tokens.filter((t) => !t.stopword).map((t) => t.word),
  };
}

/** Just the words (the fast path used for whole data sets). */
export function textToWords(text: string, options: TextPipelineOptions = {}): string[] {
  return textPipeline(text, options).words;
}

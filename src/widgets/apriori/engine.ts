// The mining engine of the Apriori lesson: reads a data set (shipped example, pasted text, an
// uploaded file or the synthetic baskets), turns it into transactions, mines it with the core
// and answers "which transactions hold these items?". It runs in a Web Worker
// (apriori.worker.ts); where workers do not exist (jsdom tests) the same code runs on the page.
// No React, no DOM beyond fetch and File.
import {
  MiningLimitError,
  aprioriAsync,
  stopWordSet,
  syntheticBaskets,
  textToTransactions,
  type AprioriTrace,
  type LevelSummary,
  type TextFormat,
} from '../../core/apriori';

/** Most bytes of a learner's own text or file. */
export const MAX_INPUT_BYTES = 5 * 1024 * 1024;
/** Reviews drawn (seeded) from the shipped IMDB subset. */
export const REVIEW_SAMPLE = 300;
export const REVIEW_SEED = 8;
/** The synthetic grocery example: small enough to draw, big enough to have rules. */
export const GROCERY = { transactions: 1000, items: 120, seed: 3 } as const;
/** The most candidates a level may count before mining stops with MiningLimitError. */
export const MAX_CANDIDATES = 50_000;
/** Most rules sent to the page (the highest lift first); `ruleTotal` says how many there were. */
export const RULE_LIMIT = 5_000;
/** The trace keeps at most this many entries per list and level (the lattice shows fewer). */
export const TRACE_LIMIT = 600;

export type DataSource =
  | { kind: 'url'; url: string; format: TextFormat; sample?: number }
  | { kind: 'text'; text: string; format: TextFormat }
  | { kind: 'file'; file: Blob; format: TextFormat }
  /** Text the page streamed in with 'append' requests (a big paste, in slices). */
  | { kind: 'raw'; id: number; format: TextFormat }
  | { kind: 'grocery' };

export interface TokenOptions {
  stopWords: boolean;
  josa: boolean;
}

/** Page → engine. */
export type EngineRequest =
  | {
      type: 'mine';
      job: number;
      /** Identifies the data set with its reading options; a new key means read it again. */
      key: string;
      /** Sent when the engine does not hold `key` yet. */
      source: DataSource | null;
      tokens: TokenOptions;
      minSupport: number;
      minConfidence: number;
    }
  | { type: 'cancel'; job: number }
  /** One slice of a learner's text; `first` starts a new text with this id. */
  | { type: 'append'; id: number; text: string; first: boolean }
  | { type: 'match'; job: number; items: string[]; limit: number };

export interface BilingualMessage {
  ko: string;
  en: string;
}

export interface MinedRule {
  lhs: string[];
  rhs: string[];
  count: number;
  support: number;
  confidence: number;
  lift: number;
  leverage: number;
  conviction: number;
}

export interface MinedResult {
  items: string[];
  transactionCount: number;
  emptyCount: number;
  minCount: number;
  itemsetCount: number;
  levels: LevelSummary[];
  /** At most RULE_LIMIT rules, highest lift first. */
  rules: MinedRule[];
  /** How many rules the thresholds let through (rules may hold fewer). */
  ruleTotal: number;
  trace: AprioriTrace | null;
  ms: number;
}

/** Engine → page. */
export type EngineReply =
  | {
      type: 'progress';
      job: number;
      stage: 'reading' | 'mining';
      level: number;
      candidates: number;
    }
  | { type: 'done'; job: number; result: MinedResult }
  | { type: 'error'; job: number; message: BilingualMessage; limit: boolean }
  | { type: 'cancelled'; job: number }
  | { type: 'matched'; job: number; total: number; rows: { index: number; text: string }[] };

function message(ko: string, en: string): BilingualMessage {
  return { ko, en };
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

/** Turns anything thrown into a message for the learner. */
export function toMessage(error: unknown): { message: BilingualMessage; limit: boolean } {
  if (error instanceof MiningLimitError) return { message: error.messages, limit: true };
  if (error instanceof DataError) return { message: error.messages, limit: false };
  const text = error instanceof Error ? error.message : String(error);
  return { message: message(`마이닝 중 오류: ${text}`, `Mining failed: ${text}`), limit: false };
}

interface RawText {
  id: number;
  parts: string[];
}

export class DataError extends Error {
  override readonly name = 'DataError';
  constructor(readonly messages: BilingualMessage) {
    super(messages.en);
  }
}

async function readSource(source: DataSource, tokens: TokenOptions, raw: RawText | null) {
  if (source.kind === 'grocery') {
    const baskets = syntheticBaskets(GROCERY).transactions;
    return { transactions: baskets, texts: baskets.map((b) => b.join(', ')), emptyCount: 0 };
  }
  let text: string;
  if (source.kind === 'url') {
    let response: Response;
    try {
      response = await fetch(source.url);
    } catch {
      throw new DataError(
        message(
          '예제 데이터를 불러오지 못했습니다. 네트워크를 확인하고 다시 시도해 보세요.',
          'Could not load the example data. Check the connection and try again.',
        ),
      );
    }
    if (!response.ok) {
      throw new DataError(
        message(
          `예제 데이터를 불러오지 못했습니다 (HTTP ${response.status}).`,
          `Could not load the example data (HTTP ${response.status}).`,
        ),
      );
    }
    text = await response.text();
  } else if (source.kind === 'raw') {
    if (!raw || raw.id !== source.id) {
      throw new DataError(
        message(
          '붙여 넣은 글이 아직 다 오지 않았습니다. 다시 시도해 보세요.',
          'The pasted text has not fully arrived yet. Try again.',
        ),
      );
    }
    text = raw.parts.join('');
  } else if (source.kind === 'file') {
    if (source.file.size > MAX_INPUT_BYTES) throw tooBig(source.file.size);
    text = await source.file.text();
  } else {
    text = source.text;
  }
  if (text.length > MAX_INPUT_BYTES) throw tooBig(text.length);
  const read = textToTransactions(text, {
    format: source.format,
    stopWords: tokens.stopWords ? stopWordSet() : null,
    stripJosa: tokens.josa,
    ...(source.kind === 'url' && source.sample ? { sample: source.sample, seed: REVIEW_SEED } : {}),
  });
  if (read.transactions.length === 0) {
    throw new DataError(
      message(
        '읽을 수 있는 아이템이 없습니다. 한 줄에 문장 하나(또는 쉼표로 나눈 장바구니 하나)를 넣어 보세요.',
        'No items found. Put one sentence (or one comma-separated basket) per line.',
      ),
    );
  }
  return read;
}

function tooBig(bytes: number): DataError {
  const mb = (bytes / 1024 / 1024).toFixed(1);
  return new DataError(
    message(
      `입력이 ${mb} MB로 한도 5 MB를 넘습니다. 일부만 골라 넣어 보세요.`,
      `The input is ${mb} MB, over the 5 MB limit. Try a part of it.`,
    ),
  );
}

/**
 * One engine: holds the current data set between requests (so moving a slider mines again
 * without reading again) and at most one running job.
 */
export class MiningEngine {
  private key: string | null = null;
  private data: { transactions: string[][]; texts: string[]; emptyCount: number } | null = null;
  private running: { job: number; controller: AbortController } | null = null;
  private raw: RawText | null = null;

  constructor(private readonly post: (reply: EngineReply) => void) {}

  async handle(request: EngineRequest): Promise<void> {
    switch (request.type) {
      case 'cancel':
        if (this.running?.job === request.job) this.running.controller.abort();
        return;
      case 'append':
        if (request.first || this.raw?.id !== request.id) {
          this.raw = { id: request.id, parts: [] };
        }
        this.raw.parts.push(request.text);
        return;
      case 'match':
        this.post({
          type: 'matched',
          job: request.job,
          ...this.match(request.items, request.limit),
        });
        return;
      case 'mine':
        await this.mine(request);
        return;
    }
  }

  /** Transactions holding every one of `items`: how many, and the first `limit` of them. */
  match(items: readonly string[], limit: number) {
    const rows: { index: number; text: string }[] = [];
    let total = 0;
    const data = this.data;
    if (!data) return { total, rows };
    data.transactions.forEach((transaction, index) => {
      if (!items.every((item) => transaction.includes(item))) return;
      total++;
      if (rows.length < limit) rows.push({ index, text: data.texts[index]! });
    });
    return { total, rows };
  }

  private async mine(request: Extract<EngineRequest, { type: 'mine' }>) {
    this.running?.controller.abort();
    const controller = new AbortController();
    const { job } = request;
    this.running = { job, controller };
    const started = performance.now();
    try {
      if (this.key !== request.key || !this.data) {
        if (!request.source) {
          throw new DataError(
            message(
              '데이터가 없습니다. 예제를 고르거나 직접 붙여 넣어 주세요.',
              'There is no data yet. Pick an example or paste your own.',
            ),
          );
        }
        this.post({ type: 'progress', job, stage: 'reading', level: 0, candidates: 0 });
        this.key = null;
        this.data = null;
        const data = await readSource(request.source, request.tokens, this.raw);
        if (controller.signal.aborted) throw controller.signal.reason;
        this.data = data;
        this.key = request.key;
      }
      const data = this.data;
      const result = await aprioriAsync(data.transactions, {
        minSupport: request.minSupport,
        minConfidence: request.minConfidence,
        maxLen: 6,
        trace: true,
        traceLimit: TRACE_LIMIT,
        maxCandidates: MAX_CANDIDATES,
        signal: controller.signal,
        onProgress: (p) =>
          this.post({
            type: 'progress',
            job,
            stage: 'mining',
            level: p.level,
            candidates: p.candidates,
          }),
      });
      const all = result.rules.filter((r) => r.lhs.length > 0);
      const kept =
        all.length <= RULE_LIMIT
          ? all
          : [...all].sort((a, b) => b.lift - a.lift || b.support - a.support).slice(0, RULE_LIMIT);
      const rules: MinedRule[] = kept.map((r) => ({
        lhs: r.lhs,
        rhs: r.rhs,
        count: r.count,
        support: r.support,
        confidence: r.confidence,
        lift: r.lift,
        leverage: r.leverage,
        conviction: r.conviction,
      }));
      this.post({
        type: 'done',
        job,
        result: {
          items: result.items,
          transactionCount: result.transactionCount,
          emptyCount: data.emptyCount,
          minCount: result.minCount,
          itemsetCount: result.itemsets.length,
          levels: result.levels,
          rules,
          ruleTotal: all.length,
          trace: result.trace,
          ms: performance.now() - started,
        },
      });
    } catch (error) {
      if (isAbort(error) || controller.signal.aborted) {
        this.post({ type: 'cancelled', job });
      } else {
        this.post({ type: 'error', job, ...toMessage(error) });
      }
    } finally {
      if (this.running?.job === job) this.running = null;
    }
  }
}

// One mining session per widget id, outside React: the data widget, the lattice and the rules
// read the same session, and a language switch (which remounts the lesson) keeps the worker,
// a running job, the learner's own text and the selected rule.
import { createViewStore, type ViewStore } from '../cell/viewStore';
import type { AprioriExample } from './aprioriSchema';
import {
  MiningEngine,
  REVIEW_SAMPLE,
  type BilingualMessage,
  type DataSource,
  type EngineReply,
  type EngineRequest,
  type MinedResult,
  type MinedRule,
  type TokenOptions,
} from './engine';
import { bookFileUrl } from '../../state/urlStore';

export type MiningStatus = 'idle' | 'reading' | 'mining' | 'done' | 'error' | 'cancelled';

export interface MiningView {
  status: MiningStatus;
  /** The level being mined (0 while reading). */
  progress: { stage: 'reading' | 'mining'; level: number; candidates: number } | null;
  /** The last finished result (kept while the next one runs, so the views do not flash). */
  result: MinedResult | null;
  /** The request that `result` answers. */
  resultKey: string | null;
  error: { message: BilingualMessage; limit: boolean } | null;
  /** The learner's own data: a name to show and its size. */
  custom: { name: string; bytes: number; version: number } | null;
  /** The selected rule (`ruleKey`) and the transactions that hold all its items. */
  selected: string | null;
  matches: { key: string; total: number; rows: { index: number; text: string }[] } | null;
  /** The rules table's filter text. */
  filter: string;
}

export interface MiningRequest {
  example: AprioriExample;
  tokens: TokenOptions;
  format: 'sentences' | 'baskets';
  minSupport: number;
  minConfidence: number;
}

export const MATCH_LIMIT = 30;
/** A learner's text goes to the worker in slices this long, one per task (~5 ms each). */
export const SLICE_CHARS = 256 * 1024;
const DEBOUNCE_MS = 120;

export function ruleKey(rule: Pick<MinedRule, 'lhs' | 'rhs'>): string {
  return `${rule.lhs.join('\u0001')}\u0002${rule.rhs.join('\u0001')}`;
}

export function ruleItems(key: string): string[] {
  const [lhs = '', rhs = ''] = key.split('\u0002');
  return [...lhs.split('\u0001'), ...rhs.split('\u0001')].filter((s) => s.length > 0);
}

/** Where a shipped example lives, relative to the site (works under any base path). */
export function exampleUrl(file: string): string {
  return bookFileUrl(`data/${file}`);
}

export function exampleSource(example: AprioriExample): DataSource | null {
  switch (example) {
    case 'ko':
      return { kind: 'url', url: exampleUrl('apriori-ko.txt'), format: 'sentences' };
    case 'en':
      return { kind: 'url', url: exampleUrl('apriori-en.txt'), format: 'sentences' };
    case 'reviews':
      return {
        kind: 'url',
        url: exampleUrl('imdb-reviews.tsv'),
        format: 'tsv',
        sample: REVIEW_SAMPLE,
      };
    case 'grocery':
      return { kind: 'grocery' };
    case 'custom':
      return null;
  }
}

interface Port {
  send(request: EngineRequest): void;
}

function startPort(onReply: (reply: EngineReply) => void): Port {
  if (typeof Worker !== 'undefined') {
    const worker = new Worker(new URL('./apriori.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<EngineReply>) => onReply(event.data);
    return { send: (request) => worker.postMessage(request) };
  }
  // No workers (jsdom): the same engine on this thread, one turn later like a message.
  const engine = new MiningEngine(onReply);
  return { send: (request) => void Promise.resolve().then(() => engine.handle(request)) };
}

export class MiningSession {
  readonly store: ViewStore<MiningView>;
  private port: Port | null = null;
  private job = 0;
  private matchJob = 0;
  private engineKey: string | null = null;
  private pendingKey: string | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private customSource: DataSource | null = null;
  private last: MiningRequest | null = null;

  constructor() {
    this.store = createViewStore<MiningView>({
      status: 'idle',
      progress: null,
      result: null,
      resultKey: null,
      error: null,
      custom: null,
      selected: null,
      matches: null,
      filter: '',
    });
  }

  private get view() {
    return this.store.get();
  }

  private send(request: EngineRequest) {
    this.port ??= startPort((reply) => this.onReply(reply));
    this.port.send(request);
  }

  dataKey(request: MiningRequest): string {
    const tokens = `${request.tokens.stopWords ? 's' : '-'}${request.tokens.josa ? 'j' : '-'}`;
    if (request.example === 'grocery') return 'grocery';
    if (request.example === 'custom') {
      return `custom:${this.view.custom?.version ?? 0}:${request.format}:${tokens}`;
    }
    return `${request.example}:${tokens}`;
  }

  requestKey(request: MiningRequest): string {
    return `${this.dataKey(request)}|${request.minSupport}|${request.minConfidence}`;
  }

  /** Mines for `request` unless that is what is running or shown (or was cancelled). */
  ensure(request: MiningRequest, force = false): void {
    this.last = request;
    const key = this.requestKey(request);
    if (!force && (key === this.pendingKey || key === this.view.resultKey)) return;
    if (request.example === 'custom' && !this.customSource) {
      this.pendingKey = null;
      if (this.timer) clearTimeout(this.timer);
      if (this.view.status === 'reading' || this.view.status === 'mining') {
        this.send({ type: 'cancel', job: this.job });
      }
      this.store.update({ status: 'idle', progress: null, result: null, resultKey: null });
      return;
    }
    this.pendingKey = key;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.start(request, key), force ? 0 : DEBOUNCE_MS);
  }

  private async start(request: MiningRequest, key: string) {
    this.timer = null;
    const dataKey = this.dataKey(request);
    let source = request.example === 'custom' ? this.customSource : exampleSource(request.example);
    // The learner's data is read in the format chosen now (a .tsv file stays a TSV).
    if (source && (source.kind === 'raw' || source.kind === 'file') && source.format !== 'tsv') {
      source = { ...source, format: request.format };
    }
    this.job++;
    const job = this.job;
    this.store.update({
      status: 'reading',
      progress: { stage: 'reading', level: 0, candidates: 0 },
      error: null,
    });
    await this.streaming;
    if (job !== this.job) return;
    this.send({
      type: 'mine',
      job,
      key: dataKey,
      source: this.engineKey === dataKey ? null : source,
      tokens: request.tokens,
      minSupport: request.minSupport,
      minConfidence: request.minConfidence,
    });
    this.engineKey = dataKey;
    this.runningKey = key;
  }

  private runningKey: string | null = null;

  /** Stops the running job (its views clear until the learner mines again). */
  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.send({ type: 'cancel', job: this.job });
  }

  /** Runs the last request again (after a cancel or an error). */
  retry(): void {
    if (this.last) this.ensure(this.last, true);
  }

  private streaming: Promise<void> = Promise.resolve();
  private rawId = 0;

  /**
   * Sends a learner's text to the worker in slices, one per task, so that no single
   * postMessage copies megabytes while the page waits; the page keeps no copy.
   */
  private stream(text: string): number {
    const id = ++this.rawId;
    this.streaming = (async () => {
      for (let at = 0, first = true; first || at < text.length; at += SLICE_CHARS, first = false) {
        if (id !== this.rawId) return;
        this.send({ type: 'append', id, text: text.slice(at, at + SLICE_CHARS), first });
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    })();
    return id;
  }

  /** The learner's own text or file; the next `ensure` with example 'custom' mines it. */
  setCustom(source: DataSource, name: string, bytes: number): void {
    this.customSource =
      source.kind === 'text'
        ? { kind: 'raw', id: this.stream(source.text), format: source.format }
        : source;
    const version = (this.view.custom?.version ?? 0) + 1;
    this.engineKey = null;
    this.store.update({ custom: { name, bytes, version }, selected: null, matches: null });
  }

  hasCustom(): boolean {
    return this.customSource !== null;
  }

  setFilter(filter: string): void {
    this.store.update({ filter });
  }

  /** Selects a rule (or clears with null) and asks which transactions hold its items. */
  select(key: string | null): void {
    this.store.update({ selected: key, matches: key === null ? null : this.view.matches });
    if (key !== null) this.requestMatches(key);
  }

  private requestMatches(key: string) {
    this.matchJob++;
    this.matchFor.set(this.matchJob, key);
    this.send({ type: 'match', job: this.matchJob, items: ruleItems(key), limit: MATCH_LIMIT });
  }

  private matchFor = new Map<number, string>();

  private onReply(reply: EngineReply) {
    if (reply.type === 'matched') {
      const key = this.matchFor.get(reply.job);
      this.matchFor.delete(reply.job);
      if (key !== undefined && key === this.view.selected) {
        this.store.update({ matches: { key, total: reply.total, rows: reply.rows } });
      }
      return;
    }
    if (reply.job !== this.job) return;
    switch (reply.type) {
      case 'progress':
        this.store.update({
          status: reply.stage === 'reading' ? 'reading' : 'mining',
          progress: { stage: reply.stage, level: reply.level, candidates: reply.candidates },
        });
        return;
      case 'done': {
        const selected = this.view.selected;
        const stillThere =
          selected !== null && reply.result.rules.some((rule) => ruleKey(rule) === selected);
        this.pendingKey = null;
        this.store.update({
          status: 'done',
          progress: null,
          result: reply.result,
          resultKey: this.runningKey,
          error: null,
          selected: stillThere ? selected : null,
          matches: stillThere ? this.view.matches : null,
        });
        if (stillThere && selected !== null) this.requestMatches(selected);
        return;
      }
      case 'error':
        this.pendingKey = null;
        // Keep the engine's data unless the data itself failed to load.
        if (!reply.limit) this.engineKey = null;
        this.store.update({
          status: 'error',
          progress: null,
          error: { message: reply.message, limit: reply.limit },
          result: null,
          resultKey: this.runningKey,
          selected: null,
          matches: null,
        });
        return;
      case 'cancelled':
        this.pendingKey = null;
        this.store.update({
          status: 'cancelled',
          progress: null,
          result: null,
          resultKey: this.runningKey,
          selected: null,
          matches: null,
        });
        return;
    }
  }
}

const sessions = new Map<string, MiningSession>();

export function miningSession(id: string): MiningSession {
  let session = sessions.get(id);
  if (!session) {
    session = new MiningSession();
    sessions.set(id, session);
  }
  return session;
}

/** For tests: forget every session. */
export function resetMiningSessions(): void {
  sessions.clear();
}

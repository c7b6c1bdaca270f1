// Page side: parse a data set in a Web Worker, with progress and cancel.
import type { DatasetParseOptions, ParsedDataset } from './dataset';
import type { ParseReply, ParseRequest, ParseSource } from './parseProtocol';

export class DatasetParseError extends Error {
  override name = 'DatasetParseError';
}

export interface DatasetParseRun {
  /** Resolves with the parsed data set; rejects with a DatasetParseError. */
  done: Promise<ParsedDataset>;
  /** Stops the worker; `done` rejects with a DatasetParseError ('cancelled'). */
  cancel(): void;
}

export function createParseWorker(): Worker {
  return new Worker(new URL('./parseWorker.ts', import.meta.url), {
    type: 'module',
    name: 'gatebook-dataset',
  });
}

export function parseInWorker(
  source: ParseSource,
  options: Omit<DatasetParseOptions, 'onProgress'> = {},
  onProgress?: (fraction: number, rows: number) => void,
  worker: Worker = createParseWorker(),
): DatasetParseRun {
  let settled = false;
  let resolve!: (value: ParsedDataset) => void;
  let reject!: (error: Error) => void;
  const done = new Promise<ParsedDataset>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  const finish = (outcome: { value: ParsedDataset } | { error: Error }) => {
    if (settled) return;
    settled = true;
    worker.terminate();
    if ('error' in outcome) reject(outcome.error);
    else resolve(outcome.value);
  };
  worker.onmessage = (event: MessageEvent<ParseReply>) => {
    const reply = event.data;
    if (reply.type === 'progress') onProgress?.(reply.fraction, reply.rows);
    else if (reply.type === 'done') finish({ value: reply.result });
    else finish({ error: new DatasetParseError(reply.message) });
  };
  worker.onerror = (event: ErrorEvent) => {
    event.preventDefault?.();
    finish({
      error: new DatasetParseError(event.message || 'The parsing worker could not start.'),
    });
  };
  const request: ParseRequest = { type: 'parse', source, options };
  worker.postMessage(request);
  return {
    done,
    cancel: () => finish({ error: new DatasetParseError('cancelled') }),
  };
}

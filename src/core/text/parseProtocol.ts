// Messages between the page and the data-set parsing worker (plain data; a File clones).
import type { DatasetParseOptions, ParsedDataset } from './dataset';
import type { PreparedEncoding, PrepareOptions } from './prepare';

export type ParseSource = string | Blob;

export interface ParseRequest {
  type: 'parse';
  source: ParseSource;
  options: Omit<DatasetParseOptions, 'onProgress'>;
}

/** Turn labelled texts into the id matrix a model trains on (tokenising is the costly part). */
export interface PrepareRequest {
  type: 'prepare';
  /**
   * The texts, joined, with each one's length: one flat string crosses to a worker as a
   * single copy, while an array of 70,000 strings is cloned one by one on the page.
   */
  joined: string;
  lengths: Int32Array;
  labels: ArrayLike<number>;
  options: PrepareOptions;
}

export type ParseReply =
  | { type: 'progress'; fraction: number; rows: number }
  | { type: 'done'; result: ParsedDataset }
  | { type: 'error'; message: string };

export type PrepareReply =
  { type: 'prepared'; result: PreparedEncoding } | { type: 'error'; message: string };

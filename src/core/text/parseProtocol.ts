// Messages between the page and the data-set parsing worker (plain data; a File clones).
import type { DatasetParseOptions, ParsedDataset } from './dataset';

export type ParseSource = string | Blob;

export interface ParseRequest {
  type: 'parse';
  source: ParseSource;
  options: Omit<DatasetParseOptions, 'onProgress'>;
}

export type ParseReply =
  | { type: 'progress'; fraction: number; rows: number }
  | { type: 'done'; result: ParsedDataset }
  | { type: 'error'; message: string };

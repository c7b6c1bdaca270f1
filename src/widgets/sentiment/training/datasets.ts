// The data sets the trainer can use: the two shipped with the app (fetched from the same
// origin, parsed in a worker) and the learner's own (uploaded or pasted).
import { parseInWorker, type ParsedDataset, type TextPipelineOptions } from '../../../core/text';
import { createViewStore } from '../../cell/viewStore';
import { bookFileUrl } from '../../../state/urlStore';

export const DATASET_IDS = ['imdb', 'ko', 'custom'] as const;
export type DatasetId = (typeof DATASET_IDS)[number];

export const SHIPPED_FILES: Record<Exclude<DatasetId, 'custom'>, string> = {
  imdb: 'data/imdb-reviews.tsv',
  ko: 'data/ko-reviews.tsv',
};

export interface LoadedDataset {
  id: DatasetId;
  /** A name to show (the file name for an upload). */
  name: string;
  parsed: ParsedDataset;
  /** Hangul-heavy data gets the course's 5-character truncation. */
  korean: boolean;
}

export interface DatasetsView {
  loaded: Partial<Record<DatasetId, LoadedDataset>>;
  loading: Partial<Record<DatasetId, boolean>>;
  errors: Partial<Record<DatasetId, string>>;
}

export const datasetsStore = createViewStore<DatasetsView>({ loaded: {}, loading: {}, errors: {} });

/** Share of letters that are Hangul in the first texts. */
export function looksKorean(texts: readonly string[]): boolean {
  let hangul = 0;
  let letters = 0;
  for (const text of texts.slice(0, 200)) {
    for (const ch of text) {
      if (/[가-힣]/u.test(ch)) hangul++;
      else if (/[a-zA-Z]/.test(ch)) letters++;
    }
  }
  return hangul > letters;
}

/** The pipeline used for a data set: everything cleaned; Korean words cut to 5 characters. */
export function pipelineFor(korean: boolean): TextPipelineOptions {
  return korean ? { truncate: 5 } : {};
}

const pending = new Map<DatasetId, Promise<LoadedDataset>>();

export function baseUrl(): string {
  return bookFileUrl('');
}

/** Fetches and parses a shipped data set once; later calls get the same promise. */
export function loadShipped(id: Exclude<DatasetId, 'custom'>): Promise<LoadedDataset> {
  const existing = pending.get(id);
  if (existing) return existing;
  const promise = (async () => {
    datasetsStore.update({ loading: { ...datasetsStore.get().loading, [id]: true } });
    try {
      const response = await fetch(`${baseUrl()}${SHIPPED_FILES[id]}`);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const text = await response.text();
      const parsed = await parseInWorker(text, { format: 'tsv' }).done;
      const loaded: LoadedDataset = { id, name: SHIPPED_FILES[id], parsed, korean: id === 'ko' };
      const view = datasetsStore.get();
      datasetsStore.update({
        loaded: { ...view.loaded, [id]: loaded },
        loading: { ...view.loading, [id]: false },
      });
      return loaded;
    } catch (error) {
      pending.delete(id);
      const view = datasetsStore.get();
      datasetsStore.update({
        loading: { ...view.loading, [id]: false },
        errors: { ...view.errors, [id]: error instanceof Error ? error.message : String(error) },
      });
      throw error;
    }
  })();
  pending.set(id, promise);
  return promise;
}

export function setCustomDataset(name: string, parsed: ParsedDataset): void {
  const view = datasetsStore.get();
  datasetsStore.update({
    loaded: {
      ...view.loaded,
      custom: { id: 'custom', name, parsed, korean: looksKorean(parsed.texts) },
    },
  });
}

export function getDataset(id: DatasetId): Promise<LoadedDataset> {
  if (id === 'custom') {
    const custom = datasetsStore.get().loaded.custom;
    return custom ? Promise.resolve(custom) : Promise.reject(new Error('no-custom'));
  }
  return loadShipped(id);
}

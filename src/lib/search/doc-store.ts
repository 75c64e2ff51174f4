/**
 * Titles, URLs, owners and summaries of the documents, as chunk files arrive: the browser
 * fetches only the chunks of the results it shows.
 */
import { SEARCH_FORMAT_VERSION, type SearchChunk, type StoredDoc } from './types.ts';

export class DocStore {
  readonly #docs = new Map<number, StoredDoc>();
  readonly #chunks = new Set<number>();

  readonly chunkSize: number;

  constructor(chunkSize: number) {
    this.chunkSize = chunkSize;
  }

  get(ref: number): StoredDoc | undefined {
    return this.#docs.get(ref);
  }

  /** Chunk numbers holding `refs` that have not been added yet, ascending. */
  missing(refs: Iterable<number>): number[] {
    const out = new Set<number>();
    for (const ref of refs) {
      const chunk = Math.floor(ref / this.chunkSize);
      if (!this.#chunks.has(chunk)) out.add(chunk);
    }
    return [...out].sort((a, b) => a - b);
  }

  /** Adds a chunk file as fetched; throws, naming `where`, if it is not one. */
  add(file: unknown, where: string): void {
    const c = file as Partial<SearchChunk> | null;
    const valid =
      c?.version === SEARCH_FORMAT_VERSION &&
      Number.isInteger(c.start) &&
      c.start! % this.chunkSize === 0 &&
      Array.isArray(c.docs) &&
      c.docs.every(
        (d) =>
          Array.isArray(d) &&
          typeof d[0] === 'string' &&
          typeof d[1] === 'string' &&
          (d[2] === null || typeof d[2] === 'string') &&
          typeof d[3] === 'string',
      );
    if (!valid) throw new Error(`${where}: not a search chunk of version ${SEARCH_FORMAT_VERSION}`);
    c.docs!.forEach((doc, i) => this.#docs.set(c.start! + i, doc));
    this.#chunks.add(c.start! / this.chunkSize);
  }
}

/**
 * What each part indexes and how much a match in each field counts: BM25's `b` is its
 * length normalisation (0 for tag IDs: being tagged with one more ID makes a page no less
 * about each of them).
 */
import type { Part } from './types.ts';

export interface FieldSpec {
  boost: number;
  b: number;
}

const field = (boost: number, b = 0.75): FieldSpec => ({ boost, b });

/** Title over headings over body, with summary and tags in between. */
export const CONTENT_FIELDS = {
  title: field(10),
  headings: field(5),
  summary: field(3),
  tags: field(2),
  ids: field(3, 0),
  body: field(1),
} as const;

/** Board items carry less text: title, labels with taxonomy names, a short excerpt. */
export const BOARD_FIELDS = { title: field(10), labels: field(3), ids: field(3, 0), body: field(1) } as const;

export const partFields = (part: Part): Readonly<Record<string, FieldSpec>> =>
  part === 'content' ? CONTENT_FIELDS : BOARD_FIELDS;

/** Documents per chunk file: the few results shown fetch a few small files. */
export const DEFAULT_CHUNK_SIZE = 20;

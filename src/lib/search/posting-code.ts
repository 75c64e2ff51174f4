/**
 * One posting (a term in a document) as one integer, so shards stay small and decode into a
 * typed array: the term's weight in the document, how long the document's title is if the
 * term is in it, and whether the document is tagged with the term (a taxonomy ID).
 *
 *   code = round(weight × 4) × 64 + titleLength × 2 + tagged
 *
 * `weight` is BM25's term-frequency part summed over the fields with their boosts (the idf
 * comes from the shard's document frequency, so it is not repeated per posting); quarter
 * steps are fine enough to rank and cost a few bits. `titleLength` is the number of words
 * (stop words excluded) of the shortest title or alias holding the term, capped at 31; 0 means
 * the term is not in the title.
 */
export const MAX_TITLE_LENGTH = 31;

export interface Posting {
  weight: number;
  titleLength: number;
  tagged: boolean;
}

export function encodePosting({ weight, titleLength, tagged }: Posting): number {
  const q = Math.max(1, Math.round(weight * 4));
  return q * 64 + Math.min(titleLength, MAX_TITLE_LENGTH) * 2 + (tagged ? 1 : 0);
}

export const postingWeight = (code: number): number => Math.floor(code / 64) / 4;
export const postingTitleLength = (code: number): number => (code >> 1) & 31;
export const postingTagged = (code: number): boolean => (code & 1) === 1;

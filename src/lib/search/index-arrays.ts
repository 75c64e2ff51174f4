/**
 * A compact index (compact-index.ts) decoded into typed arrays: the inverted index with
 * lunr's weight for every posting, and a forward index from each document field to its
 * terms. Weights follow lunr.Builder#createFieldVectors, split into its per-term and
 * per-document parts with the same operations in the same order, so each is the same double
 * lunr would store.
 */
import type { CompactIndex } from './compact-index.ts';

export interface IndexArrays {
  /** Documents, fields and terms. */
  N: number;
  F: number;
  T: number;
  /** Postings of (term t, field f) are positions start[t*F+f] up to start[t*F+f+1]. */
  start: Uint32Array;
  refs: Uint32Array;
  weights: Float64Array;
  /** (document, field) pairs holding each term: lunr's document frequency for idf. */
  withTerm: Uint32Array;
  /** Terms of document field v = ref*F+f, ascending (lunr's vector order), are docTerms[docStart[v]..docStart[v+1]). */
  docStart: Uint32Array;
  docTerms: Uint32Array;
  /** The posting each forward entry corresponds to (for its weight). */
  docPosting: Uint32Array;
}

export function indexArrays(c: CompactIndex): IndexArrays {
  const F = c.fields.length;
  const T = c.terms.length;
  const N = c.lengths[0]?.length ?? 0;

  const start = new Uint32Array(T * F + 1);
  let total = 0;
  for (let t = 0; t < T; t++) {
    for (let f = 0; f < F; f++) {
      start[t * F + f] = total;
      for (const gap of c.postings[t]![f]!) if (gap >= 0) total++;
    }
  }
  start[T * F] = total;
  const refs = new Uint32Array(total);
  const tfs = new Uint16Array(total);
  const perDocField = new Uint32Array(N * F);
  const withTerm = new Uint32Array(T);
  for (let t = 0, p = 0; t < T; t++) {
    for (let f = 0; f < F; f++) {
      const gaps = c.postings[t]![f]!;
      for (let i = 0, ref = 0; i < gaps.length; i++) {
        ref += gaps[i]!;
        refs[p] = ref;
        tfs[p++] = i + 1 < gaps.length && gaps[i + 1]! < 0 ? -gaps[++i]! : 1;
        perDocField[ref * F + f]!++;
        withTerm[t]!++;
      }
    }
  }

  const idf = new Float64Array(T);
  for (let t = 0; t < T; t++)
    idf[t] = Math.log(1 + Math.abs((N - withTerm[t]! + 0.5) / (withTerm[t]! + 0.5)));
  const lengthNorm = new Float64Array(N * F);
  c.fields.forEach((_, f) => {
    const lengths = c.lengths[f]!;
    const avg = lengths.reduce((sum, l) => sum + l, 0) / N;
    for (let ref = 0; ref < N; ref++)
      lengthNorm[ref * F + f] = c.k1 * (1 - c.b + c.b * (lengths[ref]! / avg));
  });

  const weights = new Float64Array(total);
  const docStart = new Uint32Array(N * F + 1);
  for (let i = 0; i < N * F; i++) docStart[i + 1] = docStart[i]! + perDocField[i]!;
  const fill = docStart.slice();
  const docTerms = new Uint32Array(total);
  const docPosting = new Uint32Array(total);
  for (let t = 0; t < T; t++) {
    for (let f = 0; f < F; f++) {
      for (let p = start[t * F + f]!; p < start[t * F + f + 1]!; p++) {
        let score = (idf[t]! * ((c.k1 + 1) * tfs[p]!)) / (lengthNorm[refs[p]! * F + f]! + tfs[p]!);
        score *= c.boosts[f]!;
        weights[p] = Math.round(score * 1000) / 1000;
        const slot = fill[refs[p]! * F + f]!++;
        docTerms[slot] = t;
        docPosting[slot] = p;
      }
    }
  }
  return { N, F, T, start, refs, weights, withTerm, docStart, docTerms, docPosting };
}

/**
 * A compact, lossless encoding of `lunr.Index.toJSON()`. lunr's own JSON repeats every
 * document ref in the inverted index and again, with a BM25 weight, in a vector per field and
 * document: about 200 KB gzip per 1,000 board items. The weights follow from term frequencies
 * and field lengths, so this stores those (postings as ref gaps, a frequency only where it
 * is not 1) and `expand` recomputes the weights with lunr's own formula (Builder
 * createFieldVectors), giving back exactly the JSON lunr wrote, for `lunr.Index.load`.
 * The round trip is checked byte for byte in test/unit/search-index.test.ts.
 */
import lunr from 'lunr';

export interface CompactIndex {
  lunr: string;
  fields: string[];
  boosts: number[];
  k1: number;
  b: number;
  pipeline: string[];
  /** Terms in lunr's term-index order. */
  terms: string[];
  /** Per term, per field: ref gaps, each followed by `-tf` when the term occurs more than once. */
  postings: number[][][];
  /** Per field, per document ref: number of tokens. */
  lengths: number[][];
}

/** What a lunr.Builder holds after `build()`, beyond what its types declare. */
interface BuiltState {
  _fields: Record<string, { boost?: number }>;
  _k1: number;
  _b: number;
  documentCount: number;
  metadataWhitelist: string[];
  invertedIndex: Record<string, Record<string, unknown> & { _index: number }>;
  fieldTermFrequencies: Record<string, Record<string, number>>;
  fieldLengths: Record<string, number>;
  searchPipeline: lunr.Pipeline;
}

export function compactIndex(builder: lunr.Builder): CompactIndex {
  const b = builder as unknown as BuiltState;
  if (b.metadataWhitelist.length)
    throw new Error('compactIndex keeps no term metadata; build without metadataWhitelist');
  const fields = Object.keys(b._fields);
  const refs = Array.from({ length: b.documentCount }, (_, ref) => String(ref));
  const terms = Object.keys(b.invertedIndex).sort(
    (x, y) => b.invertedIndex[x]!._index - b.invertedIndex[y]!._index,
  );
  const postings = terms.map((term) =>
    fields.map((field) => {
      const out: number[] = [];
      let last = 0;
      for (const ref of Object.keys(b.invertedIndex[term]![field] as object).map(Number)) {
        out.push(ref - last);
        last = ref;
        const tf = b.fieldTermFrequencies[`${field}/${ref}`]![term]!;
        if (tf > 1) out.push(-tf);
      }
      return out;
    }),
  );
  return {
    lunr: lunr.version,
    fields,
    boosts: fields.map((f) => b._fields[f]!.boost || 1),
    k1: b._k1,
    b: b._b,
    pipeline: b.searchPipeline.toJSON().map(String),
    terms,
    postings,
    lengths: fields.map((field) => refs.map((ref) => b.fieldLengths[`${field}/${ref}`] ?? 0)),
  };
}

// lunr copies posting metadata and never writes to it, so every posting can share one empty object.
const NO_METADATA = Object.freeze({});

/** Back to the object `lunr.Index.toJSON()` returned, ready for `lunr.Index.load`. */
export function expandIndex(c: CompactIndex) {
  const docCount = c.lengths[0]?.length ?? 0;
  const fieldCount = c.fields.length;
  const avg = c.lengths.map((ls) => ls.reduce((sum, l) => sum + l, 0) / docCount);
  const vectors: number[][] = Array.from({ length: docCount * fieldCount }, () => []);
  const inverted: Array<[string, Record<string, unknown>]> = new Array(c.terms.length);
  for (let index = 0; index < c.terms.length; index++) {
    const lists = c.postings[index]!;
    let documentsWithTerm = 0;
    for (const gaps of lists) for (const gap of gaps) if (gap > 0 || gap === 0) documentsWithTerm++;
    const x = (docCount - documentsWithTerm + 0.5) / (documentsWithTerm + 0.5);
    const idf = Math.log(1 + Math.abs(x));
    const posting: Record<string, unknown> = { _index: index };
    for (let f = 0; f < fieldCount; f++) {
      const gaps = lists[f]!;
      const docs: Record<number, object> = {};
      const lengths = c.lengths[f]!;
      const boost = c.boosts[f]!;
      let ref = 0;
      for (let i = 0; i < gaps.length; i++) {
        ref += gaps[i]!;
        const tf = i + 1 < gaps.length && gaps[i + 1]! < 0 ? -gaps[++i]! : 1;
        docs[ref] = NO_METADATA;
        // Same expression and order of operations as lunr.Builder#createFieldVectors, so the weights match to the bit.
        let score = (idf * ((c.k1 + 1) * tf)) / (c.k1 * (1 - c.b + c.b * (lengths[ref]! / avg[f]!)) + tf);
        score *= boost;
        vectors[ref * fieldCount + f]!.push(index, Math.round(score * 1000) / 1000);
      }
      posting[c.fields[f]!] = docs;
    }
    inverted[index] = [c.terms[index]!, posting];
  }
  const fieldVectors: Array<[string, number[]]> = vectors.map((v, i) => [
    `${c.fields[i % fieldCount]}/${Math.floor(i / fieldCount)}`,
    v,
  ]);
  inverted.sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
  return { version: c.lunr, fields: c.fields, fieldVectors, invertedIndex: inverted, pipeline: c.pipeline };
}

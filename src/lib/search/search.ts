/**
 * One search over several loaded indexes (content, board): parse once, plan per index, pick
 * candidates, let lunr score them, merge. Any string is a valid query
 * (test/unit/search-query.test.ts checks arbitrary input).
 *
 * lunr scores are not comparable across indexes: idf comes from each index's own documents
 * and board items are short, which BM25 rewards. So each hit is ranked by its score relative
 * to the best hit of its own index, times the share of query words it matched (a document
 * matching both words of "data poisoning" beats one matching "poisoning" alone), times a
 * weight that puts guidance slightly ahead of board items that mention the same words.
 */
import type lunr from 'lunr';
import { selectCandidates } from './candidates.ts';
import type { LoadedIndex } from './load-index.ts';
import { planQuery, runPlan } from './query-plan.ts';
import { parseQuery, type ParsedQuery } from './query.ts';
import { DOC_TYPES, type DocType, type StoredDoc } from './types.ts';

export interface SearchHit {
  type: DocType;
  title: string;
  url: string;
  owner: StoredDoc[3];
  snippet: string;
  score: number;
  /** Index terms (stemmed) that matched, for highlighting. */
  terms: string[];
}

export interface SearchOptions {
  /** Return the best `limit` hits in all... */
  limit?: number;
  /** ...or the best `perType` of each type (default: every hit). */
  perType?: number;
  /** Only return hits of this type; the counts still cover every type. */
  type?: DocType | null;
}

export interface SearchResult {
  query: ParsedQuery;
  /** Best first. */
  hits: SearchHit[];
  /** How many documents matched, in all and by type. */
  total: number;
  byType: Record<DocType, number>;
}

const TYPE_WEIGHT: Record<DocType, number> = { module: 1, checklist: 1, practice: 1, term: 1, board: 0.6 };

const toHit = (doc: StoredDoc, score: number, terms: string[]): SearchHit => ({
  type: doc[0],
  title: doc[1],
  url: doc[2],
  owner: doc[3],
  snippet: doc[4],
  score,
  terms,
});

export function search(
  indexes: readonly LoadedIndex[],
  raw: unknown,
  options: SearchOptions = {},
): SearchResult {
  const query = parseQuery(raw);
  const byType = Object.fromEntries(DOC_TYPES.map((t) => [t, 0])) as Record<DocType, number>;
  const words = query.words.length;
  const scored: Array<{ doc: StoredDoc; score: number; match: lunr.MatchData }> = [];
  for (const loaded of words ? indexes : []) {
    const plan = planQuery(query, loaded);
    if (plan.impossible || plan.terms.length === 0) continue;
    const selection = selectCandidates(loaded, plan, words, { ...options, weight: TYPE_WEIGHT });
    for (const type of DOC_TYPES) byType[type] += selection.byType[type];
    const wordOf = new Map(plan.terms.map((t) => [t.term, 1 << t.word]));
    const results = runPlan(loaded, plan, options.limit || options.perType ? selection.candidates : null);
    const best = results[0]?.score ?? 0;
    for (const r of best > 0 ? results : []) {
      const doc = loaded.docs[Number(r.ref)];
      if (!doc || (options.type && doc[0] !== options.type)) continue;
      let covered = 1;
      if (words > 1) {
        let matched = 0;
        for (const term of Object.keys(r.matchData.metadata)) matched |= wordOf.get(term) ?? 0;
        for (covered = 0; matched; matched &= matched - 1) covered++;
      }
      scored.push({
        doc,
        score: (r.score / best) * (covered / words) * TYPE_WEIGHT[doc[0]],
        match: r.matchData,
      });
    }
  }
  // Stable: equal scores keep index order (content before board, lunr's order within).
  scored.sort((a, b) => b.score - a.score);
  const perType = new Map<DocType, number>();
  const kept = options.perType
    ? scored.filter((s) => {
        const n = perType.get(s.doc[0]) ?? 0;
        perType.set(s.doc[0], n + 1);
        return n < options.perType!;
      })
    : scored.slice(0, options.limit ?? scored.length);
  const hits = kept.map((s) => toHit(s.doc, s.score, Object.keys(s.match.metadata)));
  return { query, hits, total: DOC_TYPES.reduce((sum, t) => sum + byType[t], 0), byType };
}

/** What to show for an empty query: the suggested documents of each index. */
export function suggestions(indexes: readonly LoadedIndex[]): SearchHit[] {
  return indexes.flatMap((l) =>
    l.suggestions.flatMap((ref) => (l.docs[ref] ? [toHit(l.docs[ref], 0, [])] : [])),
  );
}

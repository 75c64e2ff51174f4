/**
 * Turns a parsed query into lunr clauses for one index. The planner picks concrete index
 * terms itself (the stem, a few completions of the word being typed, a few one-typo
 * neighbours), so every clause is a plain term lunr looks up without wildcards or pipeline,
 * and the work a query can cause is known before it runs.
 */
import lunr from 'lunr';
import type { LoadedIndex } from './load-index.ts';
import { searchPipelineOf, TokenSet, tokenSetOf } from './lunr-internals.ts';
import type { ParsedQuery } from './query.ts';

export interface PlannedTerm {
  term: string;
  /** Position of the query word this term stands for. */
  word: number;
  fields: string[];
  boost: number;
  required: boolean;
}

export interface QueryPlan {
  terms: PlannedTerm[];
  /** A required word is not in this index at all: nothing can match. */
  impossible: boolean;
}

export const MAX_COMPLETIONS = 8;
/** A two-letter start says little yet: fewer completions (the commonest). */
export const MAX_SHORT_COMPLETIONS = 3;
export const MAX_TYPO_NEIGHBOURS = 4;
const BOOST = { exact: 1, completion: 0.6, typo: 0.3 };

type Target = Pick<LoadedIndex, 'index' | 'fields' | 'postings' | 'documentFrequency'>;
type Candidate = Omit<PlannedTerm, 'fields'>;

function expand(target: Target, pattern: lunr.TokenSet, exclude: Set<string>, max: number): string[] {
  return tokenSetOf(target.index)
    .intersect(pattern)
    .toArray()
    .filter((t) => !exclude.has(t) && !t.includes('*'))
    .sort(
      (a, b) =>
        target.documentFrequency(b) - target.documentFrequency(a) || a.length - b.length || (a < b ? -1 : 1),
    )
    .slice(0, max);
}

export function planQuery(query: ParsedQuery, target: Target): QueryPlan {
  const pipeline = searchPipelineOf(target.index);
  const stemsOf = (text: string) => pipeline.runString(text).filter((s) => !s.includes('*'));
  const exact: Candidate[] = [];
  const extra: Candidate[] = [];
  const seen = new Set<string>();
  const add = (list: Candidate[], word: number, terms: string[], boost: number, required = false) => {
    for (const term of terms) {
      if (!seen.has(term) && target.documentFrequency(term) > 0)
        (seen.add(term), list.push({ term, word, boost, required }));
    }
  };
  for (const [i, word] of query.words.entries()) {
    const stems = stemsOf(word.text);
    let known = stems.filter((s) => target.documentFrequency(s) > 0);
    if (known.length === 0 && word.parts.length)
      known = word.parts.flatMap(stemsOf).filter((s) => target.documentFrequency(s) > 0);
    if (word.required && known.length === 0) return { terms: [], impossible: true };
    add(exact, i, known, BOOST.exact, word.required);
    if (word.prefix) {
      const max = word.text.length < 3 ? MAX_SHORT_COMPLETIONS : MAX_COMPLETIONS;
      add(extra, i, expand(target, TokenSet.fromString(`${word.text}*`), seen, max), BOOST.completion);
    }
    // One typo, only where the word itself is not indexed: a real word is most likely meant.
    if (word.fuzzy && known.length === 0) {
      for (const stem of stems)
        add(
          extra,
          i,
          expand(target, TokenSet.fromFuzzyString(stem, 1), seen, MAX_TYPO_NEIGHBOURS),
          BOOST.typo,
        );
    }
  }

  // Each term in the fields that hold it, in index order.
  const terms = [...exact, ...extra].map((c) => ({
    ...c,
    fields: target.fields.filter((field) => target.postings(c.term, field).refs.length > 0),
  }));
  return { terms, impossible: false };
}

/** Runs a plan through lunr's own query engine and scoring, over `candidates` only if given. */
export function runPlan(
  target: Pick<LoadedIndex, 'run'>,
  plan: QueryPlan,
  candidates: readonly number[] | null = null,
): lunr.Index.Result[] {
  if (plan.impossible || plan.terms.length === 0) return [];
  return target.run(
    plan.terms.map((t) => t.term),
    candidates,
    (q) => {
      for (const t of plan.terms) {
        q.term(t.term, {
          fields: t.fields,
          boost: t.boost,
          usePipeline: false,
          presence: t.required ? lunr.Query.presence.REQUIRED : lunr.Query.presence.OPTIONAL,
        });
      }
    },
  );
}

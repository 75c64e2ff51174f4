/**
 * One search result as the page shows it, built once for the header box and the search
 * page: highlighted title, link, type and owner, and a snippet (cut around the match when
 * the page's text is at hand, else the stored summary). Text stays text: the browser puts
 * segments into text nodes and <mark> elements.
 */
import { ownerLabel } from '../format.ts';
import { excerpt } from './excerpt.ts';
import { highlight, type Segment } from './highlight.ts';
import type { SearchHit } from './search-index.ts';
import { DOC_TYPE_LABELS, type StoredDoc } from './types.ts';

export interface ResultView {
  ref: number;
  type: SearchHit['type'];
  href: string;
  title: Segment[];
  meta: string;
  snippet: Segment[];
  /** Matches only some of the query's words. */
  partial: boolean;
}

/** Only site-relative links: the files are built by us, but a link is no place to trust a file. */
export const safeHref = (url: string): string => (url.startsWith('/') && !url.startsWith('//') ? url : '#');

export function resultView(
  hit: Pick<SearchHit, 'ref' | 'type' | 'tier'>,
  doc: StoredDoc,
  forms: ReadonlySet<string>,
  text?: string,
): ResultView {
  const [title, url, owner, summary] = doc;
  const cut = excerpt(text ?? summary, forms) ?? summary;
  return {
    ref: hit.ref,
    type: hit.type,
    href: safeHref(url),
    title: highlight(title, forms),
    meta: `${DOC_TYPE_LABELS[hit.type].one} · ${ownerLabel(owner)}`,
    snippet: cut ? highlight(cut, forms) : [],
    partial: hit.tier === 0,
  };
}

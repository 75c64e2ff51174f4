/**
 * "File as GitHub issue": a prefilled new-issue link for one register entry, carrying the
 * board's labels. Every value goes through URLSearchParams (newIssueUrl), so no title or note
 * can add a parameter or a fragment. GitHub and the browsers between refuse URLs much beyond
 * 8,000 characters, so a body that would not fit is cut at a paragraph boundary and says where
 * the full text is.
 */
import { MAX_ISSUE_URL_LENGTH } from '../issue-url.ts';
import { newIssueUrl } from '../links.ts';
import { bodyBlocks, CLOSING, issueTitle } from './issue-body.ts';
import type { RegisterEntry } from './register-entry.ts';
import { boardLabels } from './register-labels.ts';

export const ISSUE_URL_LIMIT = MAX_ISSUE_URL_LENGTH;

export const TRIMMED_NOTE =
  '_Shortened to fit in a link: the full text of this risk is in the register’s Markdown export._';

export interface RiskIssueLink {
  url: string;
  labels: string[];
  /** The body was cut to fit the link. */
  trimmed: boolean;
}

/** `https://github.com/o/r/` (or a GHES or local address) as the base of its `/issues/new`. */
function repositoryBase(repository: string): string {
  const url = new URL(repository);
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new TypeError(`not a repository's web address: ${repository}`);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

export function issueLink(
  entry: RegisterEntry,
  options: { repository: string; absolute: (path: string) => string },
  limit = ISSUE_URL_LIMIT,
): RiskIssueLink {
  const repo = { url: repositoryBase(options.repository) };
  const labels = boardLabels(entry);
  const title = issueTitle(entry);
  const link = (blocks: string[]) => newIssueUrl(repo, { title, body: blocks.join('\n\n'), labels });
  const blocks = bodyBlocks(entry, options.absolute);
  const full = link([...blocks, CLOSING]);
  if (full.length <= limit) return { url: full, labels, trimmed: false };
  const cut = (kept: string[]) => link([...kept, TRIMMED_NOTE, CLOSING]);
  // The most whole blocks that fit, never ending on a heading with nothing under it.
  for (let n = blocks.length - 1; n >= 1; n--) {
    const kept = blocks.slice(0, n);
    if (/^#+ /.test(kept.at(-1)!)) continue;
    const url = cut(kept);
    if (url.length <= limit) return { url, labels, trimmed: true };
  }
  // Even the first block is too long (a 20 KB system name): as many of its characters as fit.
  const chars = [...blocks[0]!];
  const prefix = (n: number) => cut([`${chars.slice(0, n).join('')}…`]);
  let [low, high] = [0, chars.length];
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (prefix(mid).length <= limit) low = mid;
    else high = mid - 1;
  }
  return { url: low > 0 ? prefix(low) : cut([]), labels, trimmed: true };
}

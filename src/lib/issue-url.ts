/**
 * "Open as GitHub issue" for long generated text. A prefilled new-issue URL carries the whole
 * body in its query string, and browsers, proxies and GitHub refuse URLs much beyond ~8,000
 * characters, so a body that would not fit is not sent: the caller copies it to the clipboard
 * instead and opens a short URL with only the title and a note to paste the body.
 */
import { newIssueUrl } from './links.ts';

/** Longest URL we hand to the browser; GitHub answers 414 for much longer ones. */
export const MAX_ISSUE_URL_LENGTH = 8000;

/** Where issues are filed: a repository URL and the labels to ask for. */
export interface IssueTarget {
  url: string;
  labels: readonly string[];
}

export const PASTE_HINT = 'Paste the checklist run from your clipboard here.';

export type IssueLink =
  /** The whole issue fits in the URL. */
  | { fits: true; url: string }
  /** Too long: `url` has the title only; `length` is what the full URL would have been. */
  | { fits: false; url: string; length: number; limit: number };

export function issueLink(
  target: IssueTarget,
  issue: { title: string; body: string },
  limit = MAX_ISSUE_URL_LENGTH,
): IssueLink {
  const labels = [...target.labels];
  const url = newIssueUrl(target, { ...issue, labels });
  if (url.length <= limit) return { fits: true, url };
  return {
    fits: false,
    url: newIssueUrl(target, { title: issue.title, body: PASTE_HINT, labels }),
    length: url.length,
    limit,
  };
}

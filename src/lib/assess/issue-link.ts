/**
 * "File as GitHub issue": a prefilled new-issue link for one register entry, with the board's
 * labels. GitHub and the browsers between refuse URLs much beyond 8,000 characters, so a body
 * that would not fit is cut at a paragraph boundary and says where the full text is.
 */
import { MAX_ISSUE_URL_LENGTH } from '../issue-url.ts';
import { newIssueUrl } from '../links.ts';
import { issueBody, issueTitle } from './issue-body.ts';
import type { RegisterEntry } from './register-entry.ts';
import { boardLabels } from './register-labels.ts';

export const ISSUE_URL_LIMIT = MAX_ISSUE_URL_LENGTH;
export const TRIMMED_NOTE =
  '_Shortened to fit a link: the full text is in the register’s Markdown export and the gh script._';

export interface RiskIssueLink {
  url: string;
  labels: string[];
  /** The body was cut to fit the link. */
  trimmed: boolean;
}

export function issueLink(
  entry: RegisterEntry,
  options: { repository: string; absolute: (path: string) => string },
  limit = ISSUE_URL_LIMIT,
): RiskIssueLink {
  const repo = { url: options.repository.replace(/\/+$/, '') };
  const labels = boardLabels(entry);
  const title = issueTitle(entry);
  const body = issueBody(entry, options.absolute);
  const url = newIssueUrl(repo, { title, body, labels });
  if (url.length <= limit) return { url, labels, trimmed: false };
  // Drop paragraphs from the end until it fits; then, if one paragraph is still too long, characters.
  const parts = body.split('\n\n');
  for (let n = parts.length - 1; n >= 1; n--) {
    const shorter = newIssueUrl(repo, {
      title,
      body: `${parts.slice(0, n).join('\n\n')}\n\n${TRIMMED_NOTE}`,
      labels,
    });
    if (shorter.length <= limit) return { url: shorter, labels, trimmed: true };
  }
  let text = parts[0]!;
  let shortest = newIssueUrl(repo, { title, body: TRIMMED_NOTE, labels });
  while (text.length > 0) {
    text = [...text].slice(0, Math.floor([...text].length * 0.8)).join('');
    const candidate = newIssueUrl(repo, { title, body: `${text}…\n\n${TRIMMED_NOTE}`, labels });
    if (candidate.length <= limit) {
      shortest = candidate;
      break;
    }
  }
  return { url: shortest, labels, trimmed: true };
}

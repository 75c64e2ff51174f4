import type { z } from 'astro/zod';
import type { boardItemSchema } from '../../schemas/board-item.ts';
import type { IssueFormConfig } from '../../schemas/issue-form.ts';
import type { Conventions } from '../../schemas/sources.ts';
import { githubIssueUrl } from '../links.ts';
import { plainExcerpt, renderBody, type BodyMode } from './body.ts';
import { mapFields } from './form-precedence.ts';
import { cleanLogin, cleanText } from './plain-text.ts';
import type { RawIssue } from './response.ts';

export type BoardItemInput = z.input<typeof boardItemSchema>;

export interface MapContext {
  conventions: Conventions;
  /** How answers to the issue form read; they fill the fields no label speaks to. */
  issueForm: IssueFormConfig;
  body: BodyMode;
  /** GitHub's web origin, e.g. `https://github.com`; every issue URL is built from it. */
  webUrl: string;
}

/** `owner/name#number`, the item's key on the board. */
export function itemKey(repo: string, number: number): string {
  return `${repo}#${number}`;
}

/** Whether an issue carries one of the labels that select it (case-insensitive, like GitHub). */
export function isSelected(issue: RawIssue, labels: readonly string[]): boolean {
  const wanted = new Set(labels.map((label) => label.toLowerCase()));
  return issue.labels.some((label) => wanted.has(label.name.trim().toLowerCase()));
}

/**
 * Maps one GitHub issue onto a board item; the snapshot schema checks the result. `repo` is the
 * name from sources.yaml, so keys stay stable when GitHub spells or redirects it differently.
 * The issue's URL is built from the web origin, never taken from the API's `url`. Labels set the
 * board fields; answers to the issue form fill those no label speaks to (form-precedence.ts).
 */
export function mapIssue(issue: RawIssue, repo: string, context: MapContext): BoardItemInput {
  const url = githubIssueUrl(context.webUrl, repo, issue.number);
  return {
    ...basics(issue, repo, url),
    ...mapFields(issue.labels, issue.body, context.conventions, context.issueForm),
    ...renderBody(issue.body, url, context.body, context.webUrl),
  };
}

/**
 * The item when mapping failed: title, dates and a plain-text excerpt only, no labels and no
 * rendering, marked so the board says why. Nothing in it can throw on hostile input.
 */
export function plainIssue(
  issue: RawIssue,
  repo: string,
  context: MapContext,
  reason: string,
): BoardItemInput {
  const url = githubIssueUrl(context.webUrl, repo, issue.number);
  return {
    ...basics(issue, repo, url),
    excerpt: context.body === 'none' ? '' : plainExcerpt(issue.body),
    bodySkipped: `the issue could not be mapped (${reason}); showing a plain-text excerpt without its labels`,
  };
}

function basics(issue: RawIssue, repo: string, url: string) {
  const assignees = issue.assignees
    .map((a) => cleanLogin(a.login))
    .filter((login): login is string => login !== null);
  return {
    key: itemKey(repo, issue.number),
    repo,
    number: issue.number,
    title: cleanText(issue.title, 256) || `(untitled issue #${issue.number})`,
    url,
    assignees: [...new Set(assignees)].sort(),
    author: cleanLogin(issue.author?.login),
    createdAt: issue.createdAt,
    updatedAt: issue.updatedAt,
  };
}

import type { z } from 'astro/zod';
import type { boardItemSchema } from '../../schemas/board-item.ts';
import type { Conventions } from '../../schemas/sources.ts';
import { renderBody, type BodyMode } from './body.ts';
import { mapLabels } from './labels.ts';
import { cleanLogin, cleanText } from './plain-text.ts';
import type { RawIssue } from './response.ts';

export type BoardItemInput = z.input<typeof boardItemSchema>;

export interface MapContext {
  conventions: Conventions;
  body: BodyMode;
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
 */
export function mapIssue(issue: RawIssue, repo: string, { conventions, body }: MapContext): BoardItemInput {
  const assignees = issue.assignees
    .map((a) => cleanLogin(a.login))
    .filter((login): login is string => login !== null);
  return {
    key: itemKey(repo, issue.number),
    repo,
    number: issue.number,
    title: cleanText(issue.title, 256) || `(untitled issue #${issue.number})`,
    url: issue.url,
    ...mapLabels(issue.labels, conventions),
    assignees: [...new Set(assignees)].sort(),
    author: cleanLogin(issue.author?.login),
    createdAt: issue.createdAt,
    updatedAt: issue.updatedAt,
    ...renderBody(issue.body, issue.url, body),
  };
}

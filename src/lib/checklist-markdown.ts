/**
 * A checklist run as Markdown: a GitHub task list that reads well in an issue, a pull request
 * or a .md file. Done items are ticked (`- [x]`) and open items are not (`- [ ]`); a
 * not-applicable item is no task at all but `- [N/A] Title — reason`, so it reads apart from
 * done and GitHub's "n of m tasks" counts only the items that apply. An item marked N/A without
 * a reason stays an open task and says the reason is missing. Notes follow their item as a
 * nested line. Items added since the run began are marked *new*.
 */
import { answerOf, needsReason, runChanges, summarizeRun, summaryText } from './checklist-answers.ts';
import { outlineItemIds, type ChecklistOutline } from './checklist-outline.ts';
import type { ChecklistRun } from './checklist-run-store.ts';
import { markdownLink } from './markdown-link.ts';

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** A note keeps its line breaks; continuation lines are indented to stay inside the list item. */
const noteLines = (note: string) =>
  note
    .split(/\r?\n/)
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== '')
    .join('\n    ');

/** `date` is the reader's local calendar date, YYYY-MM-DD. */
export function runMarkdown(outline: ChecklistOutline, run: ChecklistRun, date: string): string {
  const ids = outlineItemIds(outline);
  const summary = summarizeRun(run, ids);
  const { changed, newItems } = runChanges(run, { version: outline.version, itemIds: ids });
  const fresh = new Set(newItems);
  const lines = [
    `# ${outline.title}: ${oneLine(run.name)}`,
    '',
    `- Checklist: ${markdownLink(outline.title, outline.url)}, updated on ${outline.updated}`,
    `- Run: ${oneLine(run.name)}`,
    ...(changed
      ? [
          `- The checklist changed after this run began; ${newItems.length} item${newItems.length === 1 ? ' is' : 's are'} new since then`,
        ]
      : []),
    `- Date: ${date}`,
    `- Status: ${summaryText(summary)}`,
  ];
  for (const section of outline.sections) {
    lines.push('', `## ${section.title}`, '');
    for (const item of section.items) {
      const answer = answerOf(run, item.id);
      const title = `${item.title}${fresh.has(item.id) ? ' *(new)*' : ''}`;
      if (needsReason(answer)) lines.push(`- [ ] ${title} — marked not applicable, reason missing`);
      else if (answer.status === 'na') lines.push(`- [N/A] ${title} — ${oneLine(answer.reason)}`);
      else lines.push(`- ${answer.status === 'done' ? '[x]' : '[ ]'} ${title}`);
      const note = noteLines(answer.note);
      if (note) lines.push(`  - Note: ${note}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export function runIssueTitle(outline: ChecklistOutline, run: ChecklistRun, date: string): string {
  return `Checklist: ${outline.title} — ${oneLine(run.name)} (${date})`;
}

/** `ethics-and-bias-review-fraud-model-v2-2026-11-25.md`; letters of any script are kept. */
export function runFileName(outline: ChecklistOutline, run: ChecklistRun, date: string): string {
  const slug =
    run.name
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .replace(/-+$/, '') || 'run';
  return `${outline.id}-${slug}-${date}.md`;
}

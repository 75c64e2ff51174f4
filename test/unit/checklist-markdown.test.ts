import { describe, expect, it } from 'vitest';
import { answerItem } from '../../src/lib/checklist-answers.ts';
import { runFileName, runIssueTitle, runMarkdown } from '../../src/lib/checklist-markdown.ts';
import { emptyRunStore, type ChecklistRun } from '../../src/lib/checklist-run-store.ts';
import { createRun } from '../../src/lib/checklist-runs.ts';
import { outline, shape } from './checklist-fixture.ts';

const t1 = new Date('2026-11-20T10:00:00Z');
const golden = (name: string) => `../fixtures/checklists/${name}`;

function run(
  name: string,
  known = shape,
  answers: [string, Parameters<typeof answerItem>[3]][] = [],
): ChecklistRun {
  const created = createRun(emptyRunStore(), name, 'r1', known, t1);
  if (!created.ok) throw new Error(created.error);
  return answers.reduce((store, [id, change]) => answerItem(store, 'r1', id, change, t1), created.store)
    .runs[0]!;
}

describe('checklist run as Markdown (golden files in test/fixtures/checklists)', () => {
  it('writes an untouched run as an open task list', async () => {
    await expect(runMarkdown(outline, run('Run 1'), '2026-11-25')).toMatchFileSnapshot(
      golden('empty-run.md'),
    );
  });

  it('ticks done items, writes N/A apart from done with its reason, keeps an N/A without a reason open, and nests notes', async () => {
    const filled = run('Fraud model v2', shape, [
      [
        'owner-named',
        { status: 'done', note: 'Security owns the serving path;\n\ndata science owns the model.  ' },
      ],
      ['data-encrypted', { status: 'na', reason: '  No training data\nis kept at rest ' }],
      ['model-card', { status: 'na' }],
      ['drift-alerts', { note: 'Waiting on the on-call rota' }],
      ['rollback-tested', { status: 'done' }],
    ]);
    await expect(runMarkdown(outline, filled, '2026-11-25')).toMatchFileSnapshot(golden('filled-run.md'));
  });

  it('says the checklist changed since the run began, without a version hash, and marks the items new since then', async () => {
    const old = run(
      'Before the rollback item',
      { version: '0badf00d', itemIds: ['owner-named', 'data-encrypted', 'model-card'] },
      [['owner-named', { status: 'done' }]],
    );
    await expect(runMarkdown(outline, old, '2026-11-25')).toMatchFileSnapshot(
      golden('run-with-new-items.md'),
    );
  });

  it('keeps a run name on one line in headings and titles', () => {
    const named = { ...run('x'), name: 'Fraud\nmodel' };
    expect(runMarkdown(outline, named, '2026-11-25').split('\n')[0]).toBe('# Release review: Fraud model');
    expect(runIssueTitle(outline, named, '2026-11-25')).toBe(
      'Checklist: Release review — Fraud model (2026-11-25)',
    );
  });

  it.each([
    ['Fraud model v2', 'release-review-fraud-model-v2-2026-11-25.md'],
    ['  ../../etc/passwd ', 'release-review-etc-passwd-2026-11-25.md'],
    ['Модель №2', 'release-review-модель-2-2026-11-25.md'],
    ['***', 'release-review-run-2026-11-25.md'],
  ])('names the download for run “%s” safely', (name, file) => {
    expect(runFileName(outline, { ...run('x'), name }, '2026-11-25')).toBe(file);
  });
});

/** The release-review fixture as the browser sees it: parsed by the real schema, reduced to an outline. */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { checklistOutline, outlineItemIds } from '../../src/lib/checklist-outline.ts';
import { checklistSchema } from '../../src/schemas/checklist.ts';

export const rawReleaseReview = () =>
  parse(readFileSync(new URL('../fixtures/checklists/release-review.yaml', import.meta.url), 'utf8'));

export const outline = checklistOutline(
  { id: 'release-review', data: checklistSchema.parse(rawReleaseReview()) },
  'https://risks.tandem.test/checklists/release-review/',
);
export const shape = { version: outline.version, itemIds: outlineItemIds(outline) };

/**
 * Content pages as search documents: title, headings, summary, body text and tags (with
 * taxonomy names). Inputs are plain data, so the build (from Astro entries) and the relevance
 * suite and benchmark (from the files) index exactly the same text.
 */
import type { ChecklistData } from '../../schemas/checklist.ts';
import type { GlossaryTerm } from '../../schemas/glossary-term.ts';
import type { ModuleData } from '../../schemas/module.ts';
import type { PracticeData } from '../../schemas/practice.ts';
import { RACI_CODE_NAMES, RACI_PARTY_LABELS, raciColumns } from '../raci.ts';
import { routes } from '../paths.ts';
import { AREA_LABELS } from '../practices.ts';
import { markdownToText } from './markdown-text.ts';
import { shorten } from './snippet.ts';
import { tagIds, tagText } from './tag-text.ts';
import type { SearchDocument } from './types.ts';

/** Longest snippet kept for a content result. */
export const CONTENT_SNIPPET = 220;

type Page<T> = { id: string; data: T; body?: string | undefined };

/** The "Who does what" table as the page shows it: each activity with each party's role. */
function responsibilityText(rows: PracticeData['responsibilities']): string {
  const columns = raciColumns(rows);
  return rows
    .map(
      (r) =>
        `${r.activity}: ${columns.map((c) => `${RACI_PARTY_LABELS[c]} ${RACI_CODE_NAMES[r[c]]}`).join(', ')}`,
    )
    .join(' ; ');
}

export function moduleDocument({
  id,
  data,
  body = '',
}: Page<Pick<ModuleData, 'title' | 'summary' | 'owner' | 'tags' | 'objectives'>>): SearchDocument {
  const { headings, text } = markdownToText(body);
  return {
    type: 'module',
    title: data.title,
    url: routes.module(id),
    owner: data.owner,
    snippet: shorten(data.summary, CONTENT_SNIPPET),
    fields: {
      title: data.title,
      headings: headings.join(' ; '),
      summary: [data.summary, ...data.objectives].join(' ; '),
      tags: `module ; ${tagText(data.tags)}`,
      body: text,
    },
    ids: tagIds(data.tags),
    text: [data.summary, text].join('\n'),
  };
}

export function checklistDocument({
  id,
  data,
}: Page<Pick<ChecklistData, 'title' | 'summary' | 'owner' | 'tags' | 'sections'>>): SearchDocument {
  const items = data.sections.flatMap((s) => s.items);
  const tags = [...new Set([...data.tags, ...items.flatMap((i) => i.tags)])];
  return {
    type: 'checklist',
    title: data.title,
    url: routes.checklist(id),
    owner: data.owner,
    snippet: shorten(data.summary, CONTENT_SNIPPET),
    fields: {
      title: data.title,
      headings: data.sections.flatMap((s) => [s.title, ...s.items.map((i) => i.title)]).join(' ; '),
      summary: data.summary,
      tags: `checklist ; ${tagText(tags)}`,
      body: items.map((i) => `${i.prompt} ${i.why}`).join(' ; '),
    },
    ids: tagIds(tags),
    text: [data.summary, ...items.map((i) => `${i.title}: ${i.prompt} ${i.why}`)].join('\n'),
  };
}

export function practiceDocument({
  id,
  data,
  body = '',
}: Page<
  Pick<PracticeData, 'title' | 'summary' | 'owner' | 'tags' | 'area' | 'responsibilities'>
>): SearchDocument {
  const { headings, text } = markdownToText(body);
  return {
    type: 'practice',
    title: data.title,
    url: routes.practice(id),
    owner: data.owner,
    snippet: shorten(data.summary, CONTENT_SNIPPET),
    fields: {
      title: data.title,
      headings: [...headings, 'Who does what'].join(' ; '),
      summary: data.summary,
      tags: `practice ; ${AREA_LABELS[data.area]} ; ${tagText(data.tags)}`,
      body: `${text} ; ${responsibilityText(data.responsibilities)}`,
    },
    ids: tagIds(data.tags),
    text: [data.summary, text].join('\n'),
  };
}

export function termDocument(
  term: Pick<GlossaryTerm, 'id' | 'term' | 'aliases' | 'owner' | 'definition' | 'tags'>,
): SearchDocument {
  return {
    type: 'term',
    title: term.term,
    aliases: term.aliases,
    url: routes.term(term.id),
    owner: term.owner,
    snippet: shorten(term.definition, CONTENT_SNIPPET),
    fields: {
      title: [term.term, ...term.aliases].join(' ; '),
      headings: '',
      summary: '',
      tags: `glossary definition ; ${tagText(term.tags)}`,
      body: term.definition,
    },
    ids: tagIds(term.tags),
    text: term.definition,
  };
}

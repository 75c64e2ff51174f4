import { z } from 'astro/zod';
import { checklistVersion } from '../lib/checklist-version.ts';
import { ownerSchema } from './owner.ts';
import { pageMetaSchema } from './page-meta.ts';
import { phaseSchema } from './phase.ts';
import { referenceLinkSchema } from './reference-link.ts';
import { taxonomyTagsSchema } from './taxonomy-tag.ts';
import { unknownKeysError } from '../lib/unknown-keys.ts';

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'id must be lower-case words joined by hyphens');

/** One checkable item. */
const itemSchema = z.strictObject(
  {
    /** Stable id, unique within the checklist; runs remember answers by it. */
    id: slug,
    /** Short title shown in the list. */
    title: z.string().min(3),
    /** The full question or instruction. */
    prompt: z.string().min(10),
    /** Why the item matters: the risk it addresses. */
    why: z.string().min(10),
    /** The team that answers for the item. */
    owner: ownerSchema,
    /** Taxonomy and regulation tags. */
    tags: taxonomyTagsSchema,
    /** Primary sources. */
    references: z.array(referenceLinkSchema).default([]),
  },
  { error: unknownKeysError },
);

/** A section groups items under a heading. */
const sectionSchema = z.strictObject(
  {
    /** Section id, used as the heading anchor. */
    id: slug,
    /** Section heading. */
    title: z.string().min(3),
    /** The items, at least one. */
    items: z.array(itemSchema).min(1),
  },
  { error: unknownKeysError },
);

/** A checklist (content/checklists/<slug>.yaml). Its version is derived from its items. */
export const checklistSchema = pageMetaSchema
  .extend({
    /** Lifecycle phases the checklist is used in. */
    phases: z.array(phaseSchema).default([]),
    /** The sections, in order. */
    sections: z.array(sectionSchema).min(1),
  })
  .superRefine((checklist, ctx) => {
    const seen = new Set<string>();
    checklist.sections.forEach((section, s) =>
      section.items.forEach((item, i) => {
        if (seen.has(item.id)) {
          ctx.addIssue({
            code: 'custom',
            path: ['sections', s, 'items', i, 'id'],
            message: `duplicate item id "${item.id}"; item ids must be unique within a checklist`,
          });
        }
        seen.add(item.id);
      }),
    );
  })
  .transform((checklist) => ({ ...checklist, version: checklistVersion(checklist.sections) }));

export type ChecklistData = z.infer<typeof checklistSchema>;

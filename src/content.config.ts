import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { checklistSchema } from './schemas/checklist.ts';
import { glossaryTermSchema } from './schemas/glossary-term.ts';
import { moduleSchema } from './schemas/module.ts';
import { practiceSchema } from './schemas/practice.ts';
import { snapshotSchema } from './schemas/snapshot.ts';
import { threatSchema } from './schemas/threat.ts';
import { trackSchema } from './schemas/track.ts';

export const collections = {
  modules: defineCollection({
    loader: glob({ base: './content/modules', pattern: '**/*.mdx' }),
    schema: moduleSchema,
  }),
  tracks: defineCollection({
    loader: glob({ base: './content/tracks', pattern: '*.yaml' }),
    schema: trackSchema,
  }),
  checklists: defineCollection({
    loader: glob({ base: './content/checklists', pattern: '*.yaml' }),
    schema: checklistSchema,
  }),
  practices: defineCollection({
    loader: glob({ base: './content/practices', pattern: '*.mdx' }),
    schema: practiceSchema,
  }),
  threats: defineCollection({
    loader: glob({ base: './content/threats', pattern: '*.yaml' }),
    schema: threatSchema,
  }),
  glossary: defineCollection({ loader: file('./content/glossary/terms.yaml'), schema: glossaryTermSchema }),
  // The whole snapshot is one entry, so the schema can check it as a unit (unique keys).
  board: defineCollection({
    loader: file('./content/board/snapshot.json', {
      parser: (text) => [{ id: 'snapshot', ...JSON.parse(text) }],
    }),
    schema: snapshotSchema,
  }),
};

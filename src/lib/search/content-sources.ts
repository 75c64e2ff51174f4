/**
 * Search documents straight from content files, for the relevance suite and the benchmark,
 * which run without Astro. Each file is validated with the same schema as the build and goes
 * through the same extractors, so they index exactly the text the site indexes. Pure: the
 * caller reads the files (paths relative to content/, with forward slashes).
 */
import { parse } from 'yaml';
import { checklistSchema } from '../../schemas/checklist.ts';
import { glossaryTermSchema } from '../../schemas/glossary-term.ts';
import { moduleSchema } from '../../schemas/module.ts';
import { practiceSchema } from '../../schemas/practice.ts';
import { snapshotSchema } from '../../schemas/snapshot.ts';
import { trackSchema } from '../../schemas/track.ts';
import { routes } from '../paths.ts';
import { boardDocument } from './board-documents.ts';
import { checklistDocument, moduleDocument, practiceDocument, termDocument } from './content-documents.ts';
import { popularModules } from './suggestions.ts';
import type { SearchDocument } from './types.ts';

export interface SourceFile {
  path: string;
  text: string;
}

export interface SiteDocuments {
  content: SearchDocument[];
  board: SearchDocument[];
  /** URLs suggested for an empty query. */
  suggest: string[];
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

function mdx(file: SourceFile): { data: unknown; body: string } {
  const m = FRONT_MATTER.exec(file.text);
  if (!m) throw new Error(`${file.path}: no front matter`);
  return { data: parse(m[1]!), body: m[2]! };
}

/** Schema validation that names the file, as the build does. */
function check<T>(schema: { parse(data: unknown): T }, data: unknown, path: string): T {
  try {
    return schema.parse(data);
  } catch (error) {
    throw new Error(`${path}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

const stem = (path: string, dir: string) => path.slice(dir.length + 1).replace(/\.(mdx|yaml)$/, '');

export function documentsFromSources(files: readonly SourceFile[]): SiteDocuments {
  const under = (dir: string, ext: string) =>
    files
      .filter((f) => f.path.startsWith(`${dir}/`) && f.path.endsWith(ext))
      .sort((a, b) => (a.path < b.path ? -1 : 1));
  const tracks = new Map(
    under('tracks', '.yaml').map((f) => [stem(f.path, 'tracks'), check(trackSchema, parse(f.text), f.path)]),
  );
  const modules = under('modules', '.mdx').map((f) => {
    const { data, body } = mdx(f);
    return { id: stem(f.path, 'modules'), data: check(moduleSchema, data, f.path), body };
  });
  const content = [
    ...modules.map(moduleDocument),
    ...under('checklists', '.yaml').map((f) =>
      checklistDocument({
        id: stem(f.path, 'checklists'),
        data: check(checklistSchema, parse(f.text), f.path),
      }),
    ),
    ...under('practices', '.mdx').map((f) => {
      const { data, body } = mdx(f);
      return practiceDocument({
        id: stem(f.path, 'practices'),
        data: check(practiceSchema, data, f.path),
        body,
      });
    }),
    ...under('glossary', 'terms.yaml').flatMap((f) =>
      (parse(f.text) as unknown[]).map((t) => termDocument(check(glossaryTermSchema, t, f.path))),
    ),
  ];
  const snapshot = under('board', 'snapshot.json').map((f) =>
    check(snapshotSchema, JSON.parse(f.text), f.path),
  )[0];
  const refs = modules.map((m) => ({
    id: m.id,
    prerequisites: m.data.prerequisites,
    order: m.data.order,
    trackOrder: tracks.get(m.id.split('/')[0]!)?.order ?? Infinity,
  }));
  return {
    content,
    board: (snapshot?.items ?? []).map(boardDocument),
    suggest: popularModules(refs).map((id) => routes.module(id)),
  };
}

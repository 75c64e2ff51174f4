/**
 * Sätteri (Astro's Markdown and MDX processor) hast plugin: in a module's prose, the first use
 * of each glossary term links to its entry on the glossary page, wrapped in <glossary-term>
 * so src/client/glossary-term.ts can show the definition on hover and focus. Matching rules
 * are in glossary-links.ts. Headings, code, links and MDX components are left alone, and only
 * files under content/modules/ are touched. Sätteri visits text nodes in document order, which
 * is what makes "first" the first. The "Terms used here" list runs this same plugin over the
 * module's body (`termsUsedIn`), so the list names exactly the terms the text links.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ElementContent } from 'hast';
import { mdxToJs, type HastPluginEntry, type HastVisitorContext } from 'satteri';
import { parse } from 'yaml';
import { path, routes } from '../paths.ts';
import {
  definitionId,
  firstUses,
  glossaryMatcher,
  isProse,
  type Ancestor,
  type LinkableTerm,
  type Segment,
} from './glossary-links.ts';

declare module 'satteri' {
  interface DataMap {
    /** Ids of the glossary terms the document links, in order of first use. */
    glossaryTerms: string[];
  }
}

/** Module pages are built from content/modules/; practices and other Markdown keep their text. */
export const isModuleFile = (url: URL | undefined): boolean =>
  url?.pathname.includes('/content/modules/') ?? false;

/**
 * The terms of content/glossary/terms.yaml, read when the Astro config loads (the glossary
 * collection is not available there). The collection's schema checks the rest of each entry.
 */
export function readGlossary(file: URL): LinkableTerm[] {
  const where = fileURLToPath(file);
  const entries: unknown = parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(entries)) throw new Error(`${where}: expected a list of terms`);
  return entries.flatMap((entry: Record<string, unknown>, i): LinkableTerm[] => {
    const { id, term, aliases = [], notLinked = [] } = entry ?? {};
    if (typeof id !== 'string' || typeof term !== 'string')
      throw new Error(`${where}: entry ${i + 1} needs an "id" and a "term"`);
    if (!Array.isArray(aliases) || !aliases.every((a) => typeof a === 'string'))
      throw new Error(`${where}: term "${id}" field "aliases" must be a list of strings`);
    if (!Array.isArray(notLinked) || !notLinked.every((a) => typeof a === 'string'))
      throw new Error(`${where}: term "${id}" field "notLinked" must be a list of strings`);
    return [{ id, term, aliases, notLinked }];
  });
}

/**
 * A term's entry under another base path. paths.ts takes Astro's `base` from import.meta.env,
 * which is not set yet when astro.config loads this plugin, so the config passes the base in;
 * the route itself still comes from `routes.term`.
 */
function entryUnder(base: string): (id: string) => string {
  const envBase = path('/').length - 1;
  return (id) => `${base.replace(/\/$/, '')}${routes.term(id).slice(envBase)}`;
}

/** A first use: the link to the entry, described by the definition in "Terms used here". */
function toHast(segment: Segment, href: (id: string) => string): ElementContent {
  if (typeof segment === 'string') return { type: 'text', value: segment };
  return {
    type: 'element',
    tagName: 'glossary-term',
    properties: { dataTerm: segment.id },
    children: [
      {
        type: 'element',
        tagName: 'a',
        properties: { href: href(segment.id), ariaDescribedBy: [definitionId(segment.id)] },
        children: [{ type: 'text', value: segment.text }],
      },
    ],
  };
}

function* ancestors(node: Parameters<HastVisitorContext['parent']>[0], ctx: HastVisitorContext) {
  for (let p = ctx.parent(node); p; p = ctx.parent(p)) yield p as Ancestor;
}

export interface GlossaryLinksOptions {
  terms: readonly LinkableTerm[];
  /** Which documents get links; by default the files under content/modules/. */
  appliesTo?: (fileURL: URL | undefined) => boolean;
  /** The site's base path (Astro's `base`), when the plugin runs where import.meta.env does not know it. */
  base?: string;
}

export function glossaryLinks({
  terms,
  appliesTo = isModuleFile,
  base,
}: GlossaryLinksOptions): HastPluginEntry {
  const find = glossaryMatcher(terms);
  const href = base === undefined ? routes.term : entryUnder(base);
  // A factory, so each document starts with nothing linked.
  return ({ fileURL }) => {
    if (!appliesTo(fileURL)) return null;
    const linked = new Set<string>();
    return {
      name: 'glossary-links',
      text(node, ctx) {
        if (!isProse(ancestors(node, ctx))) return;
        const segments = firstUses(node.value, find, linked);
        if (segments.some((s) => typeof s !== 'string'))
          ctx.replaceNode(
            node,
            segments.map((s) => toHast(s, href)),
          );
      },
      after(_root, ctx) {
        ctx.data.glossaryTerms = [...linked];
      },
    };
  };
}

/** Astro's defaults for Sätteri (GFM and smart punctuation on), so the text matches the page's. */
const FEATURES = { gfm: true, smartPunctuation: true };

/**
 * The terms a module's text links, in alphabetical order: the plugin run over the raw MDX
 * body, as the build runs it over the file. `moduleId` names the module if the body fails.
 */
export async function termsUsedIn<T extends LinkableTerm>(
  body: string,
  terms: readonly T[],
  moduleId: string,
): Promise<T[]> {
  const plugin = glossaryLinks({ terms, appliesTo: () => true });
  let ids: Set<string>;
  try {
    ids = new Set((await mdxToJs(body, { hastPlugins: [plugin], features: FEATURES })).data.glossaryTerms);
  } catch (error) {
    throw new Error(`module ${moduleId}: cannot find its glossary terms`, { cause: error });
  }
  return terms.filter((t) => ids.has(t.id)).sort((a, b) => a.term.localeCompare(b.term, 'en'));
}

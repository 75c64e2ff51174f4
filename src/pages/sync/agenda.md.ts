import type { APIRoute } from 'astro';
import { agendaMarkdown } from '../../lib/board/agenda-markdown.ts';
import { defaultAgenda } from '../../lib/board/agenda-data.ts';
import { site } from '../../site.config.ts';

/** The default window's agenda as Markdown, generated at build time. */
export const GET: APIRoute = async () => {
  const { snapshot, asOf, since, sections } = await defaultAgenda();
  const markdown = agendaMarkdown(sections, { since, asOf, sample: snapshot.sample, siteUrl: site.url });
  return new Response(markdown, { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } });
};

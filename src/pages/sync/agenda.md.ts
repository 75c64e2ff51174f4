import type { APIRoute } from 'astro';
import { buildAgendaData } from '../../lib/board/agenda-build.ts';
import { agendaFor } from '../../lib/board/agenda-data.ts';
import { parseDay } from '../../lib/board/agenda.ts';
import { agendaMarkdown } from '../../lib/board/agenda-markdown.ts';
import { site } from '../../site.config.ts';

/** The default window's agenda as Markdown, generated at build time for readers without JavaScript. */
export const GET: APIRoute = async () => {
  const data = await buildAgendaData();
  const { view } = agendaFor(data, parseDay(data.defaultSince)!);
  // Links into the site are absolute when the site's URL is known, else site-relative.
  const siteUrl: string | null = site.url;
  const absolute = (href: string) => (siteUrl ? new URL(href, siteUrl).href : href);
  const markdown = agendaMarkdown(view, { sample: data.sample, absolute });
  return new Response(markdown, { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } });
};

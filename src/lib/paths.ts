/**
 * Site-relative links that respect Astro's `base` (set TANDEM_BASE when the site is served
 * from a sub-folder, as GitHub Pages does for project sites). Every internal link goes
 * through `path()`.
 */
const base = (import.meta.env?.BASE_URL ?? '/').replace(/\/$/, '');

export function path(href: string): string {
  return `${base}${href.startsWith('/') ? href : `/${href}`}`;
}

export const routes = {
  module: (id: string) => path(`/learn/${id}/`),
  track: (id: string) => path(`/learn/${id}/`),
  checklist: (id: string) => path(`/checklists/${id}/`),
  practice: (id: string) => path(`/practices/${id}/`),
  term: (id: string) => path(`/glossary/#${id}`),
  boardItem: (key: string) => path(`/board/${key.replace('#', '/')}/`),
};

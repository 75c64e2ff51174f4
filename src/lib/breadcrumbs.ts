/** Breadcrumb trail for a page: Home, then each section down to the page itself. */
export interface Crumb {
  label: string;
  href: string;
}

const SECTION_LABELS: Record<string, string> = {
  learn: 'Learn',
  checklists: 'Checklists',
  practices: 'Practices',
  glossary: 'Glossary',
  board: 'Board',
  sync: 'Sync',
  search: 'Search',
  progress: 'My progress',
};

/**
 * `base` is Astro's base path; it is kept out of the trail and put back in the links.
 * `labels` names path segments that are not sections (a track's title for its slug, say).
 * The last crumb is the current page; a page at the root has no trail.
 */
export function breadcrumbs(
  pathname: string,
  pageTitle: string,
  labels: Record<string, string> = {},
  base = '/',
): Crumb[] {
  const prefix = base.replace(/\/$/, '');
  const segments = pathname
    .slice(pathname.startsWith(prefix) ? prefix.length : 0)
    .split('/')
    .filter(Boolean);
  if (segments.length === 0) return [];
  const trail: Crumb[] = [{ label: 'Home', href: `${prefix}/` }];
  segments.forEach((segment, i) => {
    const href = `${prefix}/${segments.slice(0, i + 1).join('/')}/`;
    const last = i === segments.length - 1;
    const label = last ? pageTitle : (labels[segment] ?? SECTION_LABELS[segment] ?? segment);
    trail.push({ label, href });
  });
  return trail;
}

/** Names the workshop shows and writes: owner teams and file names. */

const OWNER_NAMES: Record<string, string> = {
  security: 'Security',
  'data-science': 'Data science',
  shared: 'Shared',
};

export const OWNER_CHOICES = Object.entries(OWNER_NAMES) as Array<[string, string]>;

export function ownerName(owner: string): string {
  return OWNER_NAMES[owner] ?? owner;
}

/** A file name from an assessment name: lower-case words joined by hyphens. */
export function fileSlug(name: string): string {
  return (
    name
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'assessment'
  );
}

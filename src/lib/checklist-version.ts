/**
 * A checklist's version is a short hash of its items (ids, titles and prompts), so any
 * change to what is asked changes the version and saved runs can tell which items are new.
 * FNV-1a (32-bit): small, dependency-free and stable across runtimes; not for security.
 */
interface VersionedItem {
  id: string;
  title: string;
  prompt: string;
}

export function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

export function checklistVersion(sections: ReadonlyArray<{ items: readonly VersionedItem[] }>): string {
  const canonical = sections
    .flatMap((s) => s.items)
    .map((item) => `${item.id}\u0000${item.title}\u0000${item.prompt}`)
    .join('\u0001');
  return fnv1a(canonical);
}

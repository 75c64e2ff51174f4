import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * Rewrites the URLs in an issue body's tree as the issue page on GitHub would read them:
 * relative ones resolve against the issue, and ones with other schemes than http, https and
 * mailto are removed. Images then follow the image policy (image-filter.ts), which refuses most
 * of these: a relative image such as `/logout` would point at a page on GitHub. The sanitiser
 * runs after both.
 */
export function pointAtGitHub(tree: Root, issueUrl: string): void {
  visit(tree, 'element', (node: Element) => {
    for (const property of ['href', 'src'] as const) {
      const value = node.properties[property];
      if (typeof value !== 'string') continue;
      const url = absolute(value, issueUrl);
      if (url === null) delete node.properties[property];
      else node.properties[property] = url;
    }
    const srcset = node.properties['srcSet'];
    if (srcset !== undefined && srcset !== null) node.properties['srcSet'] = resolveSrcset(srcset, issueUrl);
  });
}

/** The candidates of a `srcset` value, each as its URL and descriptors. */
export function srcsetCandidates(value: unknown): string[][] {
  // The parser splits srcset at commas into a list, whatever its type says.
  const candidates = Array.isArray(value) ? value.map(String) : String(value).split(',');
  return candidates.map((candidate) => candidate.trim().split(/\s+/)).filter(([url]) => url);
}

/** Each `srcset` candidate with its URL resolved (or dropped), descriptors kept. */
function resolveSrcset(value: unknown, base: string): string {
  return srcsetCandidates(value)
    .flatMap(([url, ...descriptors]) => {
      const resolved = absolute(url!, base);
      return resolved ? [[resolved, ...descriptors].join(' ')] : [];
    })
    .join(', ');
}

function absolute(value: string, base: string): string | null {
  try {
    const url = new URL(value, base);
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/** Query parameters that mark a signed, expiring URL (GitHub attachments, S3, Azure). */
const SIGNED = ['jwt', 'x-amz-signature', 'x-amz-credential', 'signature', 'sig', 'token', 'expires'];

/**
 * Rewrites links and images in an issue body's tree: relative URLs resolve against the issue
 * on GitHub, as they would on the issue page; URLs with other schemes are removed; images with
 * expiring signed URLs (private attachments) are replaced by their alt text, as they would
 * break once the signature expires. The sanitiser still runs after this.
 */
export function pointAtGitHub(tree: Root, issueUrl: string): void {
  visit(tree, 'element', (node: Element, index, parent) => {
    for (const property of ['href', 'src'] as const) {
      const value = node.properties[property];
      if (typeof value !== 'string') continue;
      const url = absolute(value, issueUrl);
      if (url === null) delete node.properties[property];
      else node.properties[property] = url.href;
      if (
        node.tagName === 'img' &&
        property === 'src' &&
        url &&
        isSigned(url) &&
        parent &&
        index !== undefined
      ) {
        const alt = typeof node.properties['alt'] === 'string' ? node.properties['alt'] : '';
        parent.children.splice(
          index,
          1,
          ...(alt ? [{ type: 'text' as const, value: `[image: ${alt}]` }] : []),
        );
        return index;
      }
    }
    return undefined;
  });
}

function absolute(value: string, base: string): URL | null {
  try {
    const url = new URL(value, base);
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url : null;
  } catch {
    return null;
  }
}

function isSigned(url: URL): boolean {
  if (url.hostname === 'private-user-images.githubusercontent.com') return true;
  return [...url.searchParams.keys()].some((key) => SIGNED.includes(key.toLowerCase()));
}

/**
 * Applies the image policy (image-policy.ts) to an issue body's tree: an image from anywhere
 * else is replaced by its alt text, as is one with a signed, expiring URL (a private attachment,
 * which would break once the signature expires); `srcset` keeps only the candidates the policy
 * allows, and a `<source>` left with none goes. Runs before the sanitiser, on absolute URLs: a
 * relative one is refused (github-urls.ts resolves them against the issue first).
 */
import type { Element, Properties, Root, Text } from 'hast';
import { visit } from 'unist-util-visit';
import { srcsetCandidates } from './github-urls.ts';
import { isAllowedImage } from './image-policy.ts';

/** Query parameters that mark a signed, expiring URL (GitHub attachments, S3, Azure). */
const SIGNED = ['jwt', 'x-amz-signature', 'x-amz-credential', 'signature', 'sig', 'token', 'expires'];
/** A width (`640w`) or pixel density (`2x`, `1.5x`) descriptor. */
const DESCRIPTOR = /^(?:\d+w|\d+(?:\.\d+)?x)$/;

export function applyImagePolicy(tree: Root, webOrigin: string): void {
  visit(tree, 'element', (node: Element, index, parent) => {
    if ((node.tagName !== 'img' && node.tagName !== 'source') || !parent || index === undefined) return;
    const allowed = (url: string) => isAllowedImage(url, webOrigin) && !isSigned(url);
    filterSrcset(node.properties, allowed);
    const src = node.properties['src'];
    if (node.tagName === 'img') {
      if (typeof src === 'string' && allowed(src)) return;
      parent.children.splice(index, 1, ...altText(node));
      return index;
    }
    if (src !== undefined && !(typeof src === 'string' && allowed(src))) delete node.properties['src'];
    if (node.properties['srcSet'] !== undefined) return;
    parent.children.splice(index, 1);
    return index;
  });
}

/** Keeps the allowed candidates of `srcset`, rebuilt from their URL and a valid descriptor. */
function filterSrcset(properties: Properties, allowed: (url: string) => boolean): void {
  const value: unknown = properties['srcSet'];
  if (value === undefined || value === null) return;
  const candidates = srcsetCandidates(value)
    .filter(([url, ...descriptors]) => allowed(url!) && descriptors.every((d) => DESCRIPTOR.test(d)))
    .map((parts) => parts.slice(0, 2).join(' '));
  if (candidates.length === 0) delete properties['srcSet'];
  else properties['srcSet'] = candidates.join(', ');
}

function altText(node: Element): Text[] {
  const alt = node.properties['alt'];
  return typeof alt === 'string' && alt.trim() !== '' ? [{ type: 'text', value: `[image: ${alt}]` }] : [];
}

function isSigned(value: string): boolean {
  try {
    const url = new URL(value);
    if (url.hostname === 'private-user-images.githubusercontent.com') return true;
    return [...url.searchParams.keys()].some((key) => SIGNED.includes(key.toLowerCase()));
  } catch {
    return true;
  }
}

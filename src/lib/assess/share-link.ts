/**
 * Sharing an assessment in the URL fragment, which browsers never send to a server:
 * `#share=1.<base64url of the assessment JSON, deflate-raw compressed>`. Library text the teams
 * did not change is left out and filled back from the opening page's library
 * (src/lib/assess/share-compact.ts), so the round trip is lossless while links stay short; the
 * version after "share=" lets a later format change it. Links
 * longer than SHARE_LIMIT are refused, since chat tools and GitHub cut or reject long URLs; the
 * page offers "Export file" instead. Decoding reads at most DECODED_MAX bytes of JSON and checks
 * the result with readAssessment like any other untrusted input.
 */
import { readAssessmentReport } from './assessment-read.ts';
import type { Assessment, LibraryThreat } from './assessment.ts';
import { compactForShare, expandShared } from './share-compact.ts';
import { removed } from '../stored-state.ts';

export const SHARE_PREFIX = 'share=1.';
/** Longest whole URL a share link may be, in characters. */
export const SHARE_LIMIT = 8000;
/** Most bytes of JSON a link may unpack to. */
export const DECODED_MAX = 1024 * 1024;

export type ShareDecode =
  { ok: true; assessment: Assessment; notice?: string } | { ok: false; error: string };

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The inflated bytes, 'too-large' past DECODED_MAX (reading stops there), or 'broken'. */
async function inflate(bytes: Uint8Array): Promise<Uint8Array | 'too-large' | 'broken'> {
  const reader = new Blob([bytes as BlobPart])
    .stream()
    .pipeThrough(new DecompressionStream('deflate-raw'))
    .getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > DECODED_MAX) {
        reader.cancel().catch(() => {});
        return 'too-large';
      }
      chunks.push(value);
    }
  } catch {
    return 'broken';
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** `share=1.<data>`, without the '#'. */
export async function encodeShare(a: Assessment, library: readonly LibraryThreat[] = []): Promise<string> {
  const json = JSON.stringify(compactForShare(a, library));
  return SHARE_PREFIX + toBase64Url(await deflate(new TextEncoder().encode(json)));
}

const BROKEN = 'the link is damaged or incomplete; ask for it again, or for an exported file.';

/** Reads a fragment, with or without its '#'; never throws. Errors follow "…could not be opened: ". */
export async function decodeShare(
  fragment: string,
  library: readonly LibraryThreat[] = [],
): Promise<ShareDecode> {
  const text = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  if (!text.startsWith(SHARE_PREFIX)) {
    return /^share=\d+\./.test(text)
      ? { ok: false, error: 'the link comes from a newer version of Tandem than this page reads.' }
      : { ok: false, error: 'this is not a Tandem share link.' };
  }
  const data = text.slice(SHARE_PREFIX.length);
  // Deflate shrinks JSON well under 4:1 of base64 text; anything far longer than a link is no link.
  const bytes = data.length <= DECODED_MAX ? fromBase64Url(data) : null;
  if (!bytes || bytes.length === 0) return { ok: false, error: BROKEN };
  const inflated = await inflate(bytes);
  if (inflated === 'too-large') return { ok: false, error: 'the shared assessment is larger than 1 MB.' };
  if (inflated === 'broken') return { ok: false, error: BROKEN };
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(inflated));
  } catch {
    return { ok: false, error: BROKEN };
  }
  const report = readAssessmentReport(expandShared(value, library));
  if (!report) return { ok: false, error: 'the link holds no assessment this page can read.' };
  const { assessment, dropped } = report;
  return dropped
    ? {
        ok: true,
        assessment,
        notice: `${removed(dropped, 'unreadable risk', 'unreadable risks')} from the link.`,
      }
    : { ok: true, assessment };
}

/** The page's URL with the assessment in its fragment, or why it cannot be shared that way. */
export async function shareUrl(
  a: Assessment,
  pageUrl: string,
  library: readonly LibraryThreat[] = [],
): Promise<{ ok: true; url: string } | { ok: false; message: string }> {
  const url = `${pageUrl.split('#')[0]}#${await encodeShare(a, library)}`;
  if (url.length <= SHARE_LIMIT) return { ok: true, url };
  const count = (n: number) => n.toLocaleString('en-US');
  return {
    ok: false,
    message:
      `This assessment is too large to share as a link: the link would be ${count(url.length)} characters, ` +
      `more than the ${count(SHARE_LIMIT)} that chat tools and GitHub accept. Use “Export file” instead and send the file.`,
  };
}

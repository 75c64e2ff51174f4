/**
 * Where images in issue bodies may load from: GitHub's own upload hosts, nothing else. Any other
 * image is a request every reader's browser makes to a host the author picked (a
 * tracking pixel, or a URL with side effects such as github.com/logout), so the sanitiser drops
 * it, the build drops it again from stored HTML, and the Content Security Policy's img-src lists
 * the same sources. This file is that one list and its matching rule; it has no imports so
 * astro.config.mjs can load it.
 *
 * `isAllowedImage` follows CSP source matching (CSP Level 3, "Does url match expression"):
 * https only, the exact host, the default port unless the source names one, and a path prefix
 * for sources ending in `/`, compared segment by segment after percent-decoding. It is stricter
 * in one way the CSP cannot express: a URL with a user name or password is refused, as it only
 * ever serves to disguise its host.
 */

const GITHUB = 'https://github.com';
const UPLOAD_HOSTS = ['https://user-images.githubusercontent.com', 'https://avatars.githubusercontent.com'];

/** The web origin (`https://github.com`, or a GitHub Enterprise Server's), or null if not https. */
function httpsOrigin(webOrigin: string): string | null {
  try {
    const url = new URL(webOrigin);
    return url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

/**
 * CSP source expressions for images in issue bodies: GitHub's upload hosts, `/user-attachments/
 * assets/` on the web origin (current uploads), and for GitHub Enterprise Server its
 * `/storage/user/` uploads too.
 */
export function imageSources(webOrigin: string): string[] {
  const origin = httpsOrigin(webOrigin);
  if (origin === null) return [...UPLOAD_HOSTS];
  const sources = [...UPLOAD_HOSTS, `${origin}/user-attachments/assets/`];
  if (origin !== GITHUB) sources.push(`${origin}/storage/user/`);
  return sources;
}

/** Whether an absolute image URL matches one of `imageSources(webOrigin)`; relative URLs never do. */
export function isAllowedImage(url: string, webOrigin: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '') return false;
  return imageSources(webOrigin).some((source) => matchesSource(parsed, new URL(source)));
}

function matchesSource(url: URL, source: URL): boolean {
  // Both went through the URL parser: hosts are lower-case and default ports are empty.
  if (url.hostname !== source.hostname || url.port !== source.port) return false;
  return source.pathname === '/' || matchesPath(url.pathname, source.pathname);
}

/** CSP path-part matching: a source path ending in `/` is a prefix of whole segments, else exact. */
function matchesPath(path: string, sourcePath: string): boolean {
  const sourcePieces = sourcePath.split('/');
  const pieces = path.split('/');
  const exact = !sourcePath.endsWith('/');
  if (!exact) sourcePieces.pop();
  if (sourcePieces.length > pieces.length || (exact && sourcePieces.length !== pieces.length)) return false;
  return sourcePieces.every((piece, i) => percentDecode(piece) === percentDecode(pieces[i]!));
}

/** The URL standard's percent-decode, to a string of bytes (enough to compare two of them). */
function percentDecode(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let out = '';
  for (let i = 0; i < bytes.length; i += 1) {
    const hex = i + 2 < bytes.length ? String.fromCharCode(bytes[i + 1]!, bytes[i + 2]!) : '';
    if (bytes[i] === 37 && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      out += String.fromCharCode(Number.parseInt(hex, 16));
      i += 2;
    } else out += String.fromCharCode(bytes[i]!);
  }
  return out;
}

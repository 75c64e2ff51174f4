import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { updateRisk } from '../../src/lib/assess/assessment.ts';
import {
  decodeShare,
  encodeShare,
  SHARE_LIMIT,
  SHARE_PREFIX,
  shareUrl,
} from '../../src/lib/assess/share-link.ts';
import { T2, worked } from './assess-fixture.ts';

const PAGE = 'https://tandem.example/assess/';
const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
const packed = (text: string) => `#${SHARE_PREFIX}${b64url(deflateRawSync(Buffer.from(text)))}`;

describe('share links', () => {
  it('encodes as share=1.<base64url> of deflate-raw JSON, which zlib can read', async () => {
    const fragment = await encodeShare(worked());
    expect(fragment.startsWith('share=1.')).toBe(true);
    const data = fragment.slice(SHARE_PREFIX.length);
    expect(data).toMatch(/^[A-Za-z0-9_-]+$/);
    const { inflateRawSync } = await import('node:zlib');
    expect(JSON.parse(inflateRawSync(Buffer.from(data, 'base64url')).toString('utf8'))).toEqual(worked());
  });

  it('round-trips an assessment exactly, with or without the #', async () => {
    const a = worked();
    const fragment = await encodeShare(a);
    expect(await decodeShare(fragment)).toEqual({ ok: true, assessment: a });
    expect(await decodeShare(`#${fragment}`)).toEqual({ ok: true, assessment: a });
  });

  it('builds the URL from the page without its old fragment', async () => {
    const result = await shareUrl(worked(), `${PAGE}#share=1.old`);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.url.startsWith(`${PAGE}#share=1.`)).toBe(true);
    expect(result.url.length).toBeLessThanOrEqual(SHARE_LIMIT);
    expect(await decodeShare(new URL(result.url).hash)).toEqual({ ok: true, assessment: worked() });
  });

  it('refuses a link over the limit and points to Export file', async () => {
    // Notes that do not compress: varied characters, well past what 8,000 characters of link hold.
    const noise = Array.from({ length: 5000 }, (_, i) =>
      String.fromCharCode(0x4e00 + ((i * 7919) % 20000)),
    ).join('');
    let a = worked();
    for (const id of ['prompt-injection', 'custom-1']) a = updateRisk(a, id, { notes: noise }, T2);
    const result = await shareUrl(a, PAGE);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const length = PAGE.length + 1 + (await encodeShare(a)).length;
    expect(result.message).toContain(`would be ${length.toLocaleString('en-US')} characters`);
    expect(result.message).toContain('more than the 8,000');
    expect(result.message).toContain('“Export file”');
  });

  it.each([
    ['an empty fragment', ''],
    ['another fragment', '#step-rate'],
    ['no data', '#share=1.'],
    ['characters outside base64url', '#share=1.abc$def'],
    ['an impossible base64 length', '#share=1.abcde'],
    ['data that is not deflate', `#share=1.${b64url(new TextEncoder().encode('just some text here'))}`],
    ['a cut-off link', '#share=1.' + 'q1YqSs1JLVayUqjOLM'],
    ['deflated text that is not JSON', packed('{"id": "a1", ')],
    ['deflated JSON that is no assessment', packed('{"id":"a1","name":42}')],
    [
      'deflated bytes that are not UTF-8',
      `#${SHARE_PREFIX}${b64url(deflateRawSync(Buffer.from([0xff, 0xfe, 0x7b])))}`,
    ],
  ])('refuses %s with a clear error', async (_name, fragment) => {
    const result = await decodeShare(fragment);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/^[a-z].*\.$/);
  });

  it('says when a link comes from a newer format', async () => {
    expect(await decodeShare('#share=2.abcd')).toEqual({
      ok: false,
      error: 'the link comes from a newer version of Tandem than this page reads.',
    });
  });

  it('stops unpacking past 1 MB', async () => {
    const bomb = packed(`"${' '.repeat(20 * 1024 * 1024)}"`);
    expect(bomb.length).toBeLessThan(40_000);
    expect(await decodeShare(bomb)).toEqual({
      ok: false,
      error: 'the shared assessment is larger than 1 MB.',
    });
  });

  it('tells which of the link’s risks it could not read', async () => {
    const raw = JSON.parse(JSON.stringify(worked()));
    raw.risks[0].owner = 'nobody';
    const result = await decodeShare(packed(JSON.stringify(raw)));
    expect(result).toMatchObject({ ok: true, notice: '1 unreadable risk was removed from the link.' });
  });
});

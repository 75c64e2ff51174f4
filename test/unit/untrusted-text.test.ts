import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markdownDestination, markdownLink, markdownText } from '../../src/lib/markdown-link.ts';
import { createRedactor } from '../../src/lib/sync/redact.ts';
import {
  cleanText,
  codePoints,
  isVisible,
  safeText,
  terminalText,
  truncate,
} from '../../src/lib/sync/plain-text.ts';

/** What XML 1.0 forbids or discourages, bidi controls and marks, and C1 controls. */
const FORBIDDEN =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufdd0-\ufdef\ufffe\uffff]|\p{Cs}/u;

describe('the normaliser for text from GitHub', () => {
  it('removes U+FFFF, U+FFFE, C0 and C1 controls, and astral noncharacters', () => {
    expect(safeText('a\uffffb\ufffec\u0001d\u0085e\u{1fffe}f\u{10ffff}g')).toBe('abcdefg');
  });

  it('keeps tab, line feed and carriage return in multi-line text, and collapses them in one line', () => {
    expect(safeText('a\tb\nc\rd')).toBe('a\tb\nc\rd');
    expect(cleanText('a\tb\nc\rd', 20)).toBe('a b c d');
  });

  it('replaces a lone surrogate instead of passing on ill-formed UTF-16', () => {
    expect(safeText('a\ud800b')).toBe('a\ufffdb');
    expect(safeText('\udc00')).toBe('\ufffd');
  });

  it('removes bidi controls and marks, including U+200F and U+061C', () => {
    expect(cleanText('\u200fevil\u061c \u202etxt.exe\u2066x\u2069', 50)).toBe('evil txt.exex');
  });

  it('keeps right-to-left text and emoji sequences intact', () => {
    expect(cleanText('خطر تسميم البيانات', 50)).toBe('خطر تسميم البيانات');
    expect(cleanText('👩‍💻 model theft', 50)).toBe('👩‍💻 model theft');
  });

  it('treats a title of only invisible characters as empty', () => {
    for (const invisible of [
      '\u3164\u3164',
      '\u200b\u200d',
      ' \u2800 ',
      '\u0301\u0301',
      '\u115f\u1160',
      '\ufeff',
    ]) {
      expect(cleanText(invisible, 256)).toBe('');
      expect(isVisible(invisible)).toBe(false);
    }
    expect(isVisible('a\u3164')).toBe(true);
  });

  it('keeps at most 30 combining marks in a row, as the Stream-Safe Text Format does', () => {
    const zalgo = `a${'\u0301\u0316'.repeat(30_000)}b`;
    const out = safeText(zalgo);
    expect(codePoints(out)).toBeLessThanOrEqual(32);
    expect(out.endsWith('b')).toBe(true);
    expect(safeText('e\u0301')).toBe('é');
  });

  it('cuts by code point, never splitting an emoji into U+FFFD', () => {
    const emoji = '😀'.repeat(60);
    const cut = truncate(emoji, 57);
    expect(codePoints(cut)).toBe(57);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut).not.toMatch(/\ufffd|\p{Cs}/u);
    expect(truncate('short', 57)).toBe('short');
  });

  it('gives terminal text without escape sequences, so a server cannot retitle the terminal or fake a line', () => {
    const hostile = 'boom\x1b]0;owned\x07\x1b[1A\r✔ all sources synced';
    expect(terminalText(hostile)).toBe('boom]0;owned[1A ✔ all sources synced');
    expect(terminalText(hostile)).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f]/);
  });

  it('never yields forbidden code points and never grows, whatever the input', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 200 }),
        fc.integer({ min: 2, max: 300 }),
        (s, max) => {
          const out = cleanText(s, max);
          expect(out).not.toMatch(FORBIDDEN);
          expect(codePoints(out)).toBeLessThanOrEqual(max);
          expect(cleanText(out, max)).toBe(out);
        },
      ),
    );
  });
});

describe('Markdown links from untrusted text', () => {
  it('keeps a hostile URL inside one link target', () => {
    const url = 'https://github.com/a/b/issues/62) <img src=x onerror=alert(1)> [phish](https://evil.example';
    expect(markdownDestination(url)).toBe(
      '<https://github.com/a/b/issues/62%29%20%3Cimg%20src=x%20onerror=alert%281%29%3E%20[phish]%28https://evil.example>',
    );
    expect(markdownLink('a](x) <b>', 'https://github.com/a/b/issues/1')).toBe(
      '[a\\]\\(x\\) \\<b\\>](<https://github.com/a/b/issues/1>)',
    );
  });

  it('escapes entity references so link text cannot decode into markup', () => {
    expect(markdownText('&lt;img&gt;')).toBe('\\&lt;img\\&gt;');
  });
});

describe('token redaction', () => {
  it('redacts the token in every form it could be printed in', () => {
    const redact = createRedactor('ghp_abcdefgh\nijklmnop');
    const printed = [
      'ghp_abcdefgh\nijklmnop',
      'ghp_abcdefgh',
      'ijklmnop',
      JSON.stringify('ghp_abcdefgh\nijklmnop'),
      encodeURIComponent('ghp_abcdefgh\nijklmnop'),
    ].join(' | ');
    const out = redact(printed);
    expect(out).not.toMatch(/abcdefgh|ijklmnop/);
    expect(out).toContain('[REDACTED]');
  });
});

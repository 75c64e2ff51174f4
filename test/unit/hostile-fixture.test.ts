import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import taxonomy from '../../src/data/taxonomy.json' with { type: 'json' };
import { PHASES, SEVERITIES } from '../../src/lib/vocabulary.ts';
import {
  calmRepo,
  calmRepoOfSize,
  RESILIENCE_CASES,
  resilienceRepo,
  type CaseIssue,
} from '../fixtures/hostile/resilience.ts';

const KB = 1024;
const bytes = (text: string) => Buffer.byteLength(text, 'utf8');
const byId = new Map(RESILIENCE_CASES.map((c) => [c.id, c.issue]));
const issue = (id: string): CaseIssue => {
  const found = byId.get(id);
  if (!found) throw new Error(`no case ${id}`);
  return found;
};
const names = (id: string) => issue(id).labels.map((l) => l.name);

/** Cases the brief requires, by id. */
const REQUIRED = [
  'list-nest-1100',
  'quote-nest-2300',
  'div-open-1600',
  'emphasis-5100',
  'table-12kb',
  'table-24kb',
  'footnote-refs-16380',
  'title-noncharacters',
  'control-u0001',
  'url-foreign-host',
  'url-no-slashes',
  'url-markup-injection',
  'relative-image-logout',
  'relative-link-pulls',
  'image-tracking-pixel',
  'image-protocol-relative',
  'image-picture-srcset',
  'image-userinfo-host',
  'label-owner-cyrillic',
  'label-owner-zwj',
  'label-owner-space-before-colon',
  'label-owner-fullwidth',
  'label-severity-zwsp',
  'labels-150',
  'title-bidi-marks',
  'title-invisible-only',
  'title-emoji-60',
  'updated-far-future',
  'html-nest-1000-in-list',
  'details-nest-500',
];

/** Everything in an issue that came from GitHub, as the sync would read it. */
function inputBytes(i: CaseIssue): number {
  return (
    bytes(i.title) +
    bytes(i.body) +
    i.labels.reduce((n, l) => n + bytes(l.name) + bytes(l.color), 0) +
    i.assignees.reduce((n, a) => n + bytes(a), 0) +
    bytes(i.author ?? '') +
    bytes(i.url ?? '')
  );
}

describe('the resilience fixture', () => {
  it('holds at least 45 cases with unique kebab-case ids, each saying in one line what it attacks', () => {
    expect(RESILIENCE_CASES.length).toBeGreaterThanOrEqual(45);
    const ids = RESILIENCE_CASES.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of RESILIENCE_CASES) {
      expect(c.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(c.what.trim().length, c.id).toBeGreaterThan(10);
      expect(c.what, c.id).not.toMatch(/\n/);
    }
  });

  it('has every required case, with at least 30 more of its own', () => {
    const ids = new Set(RESILIENCE_CASES.map((c) => c.id));
    expect(REQUIRED.filter((id) => !ids.has(id))).toEqual([]);
    expect(ids.size - REQUIRED.length).toBeGreaterThanOrEqual(30);
  });

  it('gives every issue the risk label so the sync selects it', () => {
    for (const c of RESILIENCE_CASES) expect(names(c.id), c.id).toContain('risk');
    for (const i of resilienceRepo().issues) expect(i.labels.map((l) => l.name)).toContain('risk');
  });

  it('gives cases that are not about labels a real owner and severity', () => {
    const conventional = RESILIENCE_CASES.filter((c) => !c.id.startsWith('label'));
    for (const c of conventional) {
      const labels = names(c.id);
      expect(
        labels.some((l) => /^owner:(security|data-science|shared)$/.test(l)),
        c.id,
      ).toBe(true);
      expect(
        labels.some((l) => /^severity:(critical|high|medium|low)$/.test(l)),
        c.id,
      ).toBe(true);
    }
  });

  it('builds the required bodies exactly as specified', () => {
    expect(issue('list-nest-1100').body).toBe(`${'- '.repeat(1100)}deep`);
    expect(issue('quote-nest-2300').body).toMatch(/^>{2300} \S/);
    expect(issue('div-open-1600').body.match(/<div>/g)).toHaveLength(1600);
    expect(issue('emphasis-5100').body).toBe(`${'*'.repeat(2550)}word${'*'.repeat(2550)}`);
    const [header, delimiter, ...rows] = issue('table-12kb').body.trimEnd().split('\n');
    expect(header).toBe(`${'|a'.repeat(2000)}|`);
    expect(delimiter).toBe(`${'|-'.repeat(2000)}|`);
    expect(rows).toEqual(Array(2000).fill('|x'));
    expect(bytes(issue('table-24kb').body)).toBeGreaterThan(23 * KB);
    expect(bytes(issue('table-24kb').body)).toBeLessThan(25 * KB);
    const footnotes = issue('footnote-refs-16380').body;
    expect(footnotes.match(/\[\^1\](?!:)/g)).toHaveLength(16380);
    expect(footnotes.match(/^\[\^1\]:/gm)).toHaveLength(1);
    expect(issue('html-nest-1000-in-list').body).toMatch(/^- /);
    expect(issue('html-nest-1000-in-list').body.match(/<div>/g)).toHaveLength(1000);
    expect(issue('details-nest-500').body.match(/<details>/g)).toHaveLength(500);
    expect(issue('relative-image-logout').body).toContain('![x](/logout)');
    expect(issue('relative-link-pulls').body).toContain('[relative](../pulls)');
    expect(issue('image-protocol-relative').body).toContain('![](//tracker.evil.example/p.png)');
    expect(issue('image-userinfo-host').body).toContain(
      'https://user-images.githubusercontent.com@tracker.evil.example/x.png',
    );
    expect(issue('image-picture-srcset').body).toMatch(/<picture><source srcset="[^"]*tracker/);
  });

  it('builds the required titles, labels, urls and timestamps exactly as specified', () => {
    expect(issue('title-noncharacters').title).toMatch(/\uFFFF.*\uFFFE/);
    expect(issue('control-u0001').title).toContain('\u0001');
    expect(issue('control-u0001').body).toContain('\u0001');
    expect(issue('title-bidi-marks').title).toMatch(/\u200F.*\u061C/);
    expect(issue('title-invisible-only').title).toBe('\u3164\u3164');
    const emoji = issue('title-emoji-60').title;
    expect(emoji).toHaveLength(60);
    expect(/[\uD800-\uDBFF]/.test(emoji[56]!)).toBe(true); // a cut after 57 units splits a pair
    expect(issue('url-foreign-host').url).toBe('https://evil.example/evil/resilience/issues/9');
    expect(issue('url-no-slashes').url).toBe('https:evil.example/x');
    expect(issue('url-markup-injection').url).toBe(
      'https://github.com/evil/resilience/issues/62) <img src=x onerror=alert(1)> [phish](https://evil.example',
    );
    expect(names('label-owner-cyrillic')).toContain('owner:\u0455ecurity');
    expect(names('label-owner-zwj')).toContain('owner:\u200Dsecurity');
    expect(names('label-owner-space-before-colon')).toContain('owner :security');
    expect(names('label-owner-fullwidth')).toContain('ｏｗｎｅｒ:security');
    expect(names('label-severity-zwsp')).toEqual(
      expect.arrayContaining(['severity:critical\u200B', 'severity:low']),
    );
    const many = names('labels-150');
    expect(many).toHaveLength(150);
    expect(many[0]).toBe('risk');
    expect(many[1]).toBe('tag-001');
    expect(many[129]).toBe('severity:high');
    expect(many.slice(0, 100)).not.toContain('severity:high');
    expect(issue('updated-far-future').updatedAt).toBe('2099-01-01T00:00:00Z');
  });

  it('keeps each case under 250 KB of input and all bodies together under 3 MB', () => {
    for (const c of RESILIENCE_CASES) expect(inputBytes(c.issue), c.id).toBeLessThan(250 * KB);
    const total = RESILIENCE_CASES.reduce((n, c) => n + bytes(c.issue.body), 0);
    expect(total).toBeLessThan(3 * KB * KB);
  });

  it('generates its strings rather than pasting them: no source line is longer than 400 characters', () => {
    const source = readFileSync(new URL('../fixtures/hostile/resilience.ts', import.meta.url), 'utf8');
    const longest = Math.max(...source.split('\n').map((line) => line.length));
    expect(longest).toBeLessThan(400);
  });
});

describe('resilienceRepo', () => {
  it('numbers the cases 1..n in order, with November 2026 timestamps unless a case sets updatedAt', () => {
    const repo = resilienceRepo();
    expect(repo.nameWithOwner).toBe('evil/resilience');
    expect(repo.visibility).toBe('PUBLIC');
    expect(repo.issues.map((i) => i.number)).toEqual(RESILIENCE_CASES.map((_, i) => i + 1));
    repo.issues.forEach((i, n) => {
      const c = RESILIENCE_CASES[n]!;
      expect(i.title).toBe(c.issue.title);
      expect(i.createdAt).toMatch(/^2026-11-\d\dT\d\d:00:00Z$/);
      expect(i.updatedAt).toBe(c.issue.updatedAt ?? i.updatedAt);
      if (c.issue.updatedAt === undefined) {
        expect(i.updatedAt).toMatch(/^2026-11-/);
        expect(Date.parse(i.updatedAt)).toBeGreaterThan(Date.parse(i.createdAt));
      }
    });
    expect(repo.issues[0]!.createdAt).toBe('2026-11-01T08:00:00Z');
  });

  it('is deterministic and hands out fresh label arrays each call', () => {
    const a = resilienceRepo();
    const b = resilienceRepo();
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    a.issues[0]!.labels.push({ name: 'mutated', color: '000000' });
    expect(resilienceRepo().issues[0]!.labels.map((l) => l.name)).not.toContain('mutated');
  });
});

const SCHEME_PREFIXES = ['owasp-llm:', 'owasp-ml:', 'atlas:', 'nist:', 'reg:'] as const;
const schemes = taxonomy.schemes as Record<string, { entries: Array<{ id: string }> }>;
const known = (scheme: string, id: string) => schemes[scheme]?.entries.some((e) => e.id === id) ?? false;

/** Which of an issue's labels the board would not understand: none, for a calm issue. */
function unknownLabels(labels: Array<{ name: string }>): string[] {
  return labels
    .map((l) => l.name)
    .filter((name) => {
      if (name === 'risk') return false;
      if (/^owner:(security|data-science|shared)$/.test(name)) return false;
      const [prefix, value] = [name.slice(0, name.indexOf(':') + 1), name.slice(name.indexOf(':') + 1)];
      if (prefix === 'severity:') return !(SEVERITIES as readonly string[]).includes(value);
      if (prefix === 'phase:') return !(PHASES as readonly string[]).includes(value);
      const scheme = SCHEME_PREFIXES.find((p) => name.startsWith(p));
      return !scheme || !known(scheme.slice(0, -1), name.slice(scheme.length));
    });
}

describe('the calm fixtures', () => {
  it('calmRepo holds 20 ordinary issues with paragraphs, a list, a table, a code block and a GitHub link', () => {
    const repo = calmRepo();
    expect(repo.nameWithOwner).toBe('calm/risks');
    expect(repo.issues).toHaveLength(20);
    expect(repo.issues.map((i) => i.number)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    for (const i of repo.issues) {
      expect(i.labels.map((l) => l.name)).toContain('risk');
      expect(i.body).toMatch(/\n\n/);
      expect(i.body).toMatch(/^- /m);
      expect(i.body).toMatch(/^\| --- \|/m);
      expect(i.body).toMatch(/^```/m);
      expect(i.body).toMatch(/\]\(https:\/\/github\.com\/[\w.-]+\/[\w.-]+\)/);
      expect(i.author).toMatch(/^[a-z][a-z-]*$/);
      expect(i.createdAt).toMatch(/^2026-11-/);
    }
    expect(new Set(repo.issues.map((i) => i.title)).size).toBe(20);
  });

  it('calm issues use only owner, severity and phase values and taxonomy IDs that exist in src/data/taxonomy.json', () => {
    for (const i of calmRepo().issues) expect(unknownLabels(i.labels), i.title).toEqual([]);
    for (const i of calmRepoOfSize(200).issues) expect(unknownLabels(i.labels), i.title).toEqual([]);
    const tags = calmRepo().issues.flatMap((i) =>
      i.labels.map((l) => l.name).filter((n) => SCHEME_PREFIXES.some((p) => n.startsWith(p))),
    );
    expect(tags).toEqual(expect.arrayContaining(['atlas:AML.T0020', 'owasp-llm:LLM01:2026']));
  });

  it('calm issues contain none of the hostile tricks: plain ASCII-or-typographic text, absolute https links', () => {
    for (const i of [...calmRepo().issues, ...calmRepoOfSize(100).issues]) {
      const text = `${i.title}\n${i.body}\n${i.labels.map((l) => l.name).join('\n')}`;
      expect(text, i.title).not.toMatch(
        /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/,
      );
      expect(text, i.title).not.toMatch(/<[a-z!?\/]/i);
      for (const [, href] of i.body.matchAll(/\]\(([^)]*)\)/g)) expect(href).toMatch(/^https:\/\//);
    }
  });

  it('calmRepoOfSize generates n deterministic issues with bodies of 0.5–3 KB', () => {
    const repo = calmRepoOfSize(1000, 'calm/bench');
    expect(repo.nameWithOwner).toBe('calm/bench');
    expect(repo.issues).toHaveLength(1000);
    expect(JSON.stringify(calmRepoOfSize(1000, 'calm/bench'))).toBe(JSON.stringify(repo));
    expect(calmRepoOfSize(3).issues.map((i) => i.number)).toEqual([1, 2, 3]);
    const lengths = repo.issues.map((i) => bytes(i.body));
    expect(Math.min(...lengths)).toBeGreaterThanOrEqual(500);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(3000);
    expect(new Set(lengths).size).toBeGreaterThan(100);
    for (const i of repo.issues) {
      expect(i.createdAt).toMatch(/^2026-11-\d\dT\d\d:\d\d:\d\dZ$/);
      expect(Date.parse(i.updatedAt)).toBeGreaterThan(Date.parse(i.createdAt));
    }
    expect(calmRepoOfSize(0).issues).toEqual([]);
  });
});

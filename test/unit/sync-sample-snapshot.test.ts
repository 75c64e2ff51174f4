import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/lib/sync/canonical-json.ts';
import { PHASES } from '../../src/schemas/phase.ts';
import { SEVERITIES } from '../../src/schemas/severity.ts';
import { snapshotSchema } from '../../src/schemas/snapshot.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const text = await readFile(join(root, 'content/board/snapshot.json'), 'utf8');
const snapshot = snapshotSchema.parse(JSON.parse(text));
const DAY = 86_400_000;

describe('the bundled sample snapshot', () => {
  it('is labelled as sample data and valid for the build', () => {
    expect(snapshot.sample).toBe(true);
    expect(snapshot.syncedAt).not.toBeNull();
  });

  it('has at least 60 items across two or three repositories', () => {
    expect(snapshot.items.length).toBeGreaterThanOrEqual(60);
    expect(new Set(snapshot.items.map((i) => i.repo)).size).toBeGreaterThanOrEqual(2);
    expect(new Set(snapshot.items.map((i) => i.repo)).size).toBeLessThanOrEqual(3);
    expect(snapshot.sources.map((s) => s.items).reduce((a, b) => a + b)).toBe(snapshot.items.length);
  });

  it('covers every owner (including none), every severity and every phase', () => {
    expect(new Set(snapshot.items.map((i) => i.owner))).toEqual(
      new Set(['security', 'data-science', 'shared', null]),
    );
    expect(new Set(snapshot.items.map((i) => i.severity))).toEqual(new Set(SEVERITIES));
    expect(new Set(snapshot.items.flatMap((i) => i.phases))).toEqual(new Set(PHASES));
  });

  it('has stale items, unowned items, taxonomy tags and a few flagged unknown tags', () => {
    const stale = snapshot.items.filter(
      (i) =>
        Date.parse(snapshot.syncedAt!) - Date.parse(i.updatedAt) > snapshot.settings.staleAfterDays * DAY,
    );
    expect(stale.length).toBeGreaterThanOrEqual(5);
    expect(snapshot.items.filter((i) => i.owner === null).length).toBeGreaterThanOrEqual(5);
    expect(snapshot.items.filter((i) => i.tags.length > 0).length).toBeGreaterThanOrEqual(40);
    expect(snapshot.items.filter((i) => i.unknownTags.length > 0).length).toBeGreaterThanOrEqual(2);
  });

  it('keeps six to eight risks closed in the last month, most with who closed them', () => {
    const since = Date.parse(snapshot.syncedAt!) - 30 * DAY;
    expect(snapshot.closed.length).toBeGreaterThanOrEqual(6);
    expect(snapshot.closed.length).toBeLessThanOrEqual(8);
    expect(snapshot.closed.every((i) => Date.parse(i.closedAt!) >= since)).toBe(true);
    expect(snapshot.closed.filter((i) => i.closedBy !== null).length).toBeGreaterThan(
      snapshot.closed.length / 2,
    );
    const people = new Set(snapshot.items.flatMap((i) => [i.author, ...i.assignees]));
    for (const item of snapshot.closed) if (item.closedBy) expect(people).toContain(item.closedBy);
  });

  it('gives an agenda since one cadence ago something resolved, changed and new, and older history too', () => {
    const since = Date.parse(snapshot.syncedAt!) - snapshot.settings.cadenceDays * DAY;
    const recent = snapshot.items.flatMap((i) => i.changes).filter((c) => Date.parse(c.at) >= since);
    const older = snapshot.items.flatMap((i) => i.changes).filter((c) => Date.parse(c.at) < since);
    expect(snapshot.closed.filter((i) => Date.parse(i.closedAt!) >= since).length).toBeGreaterThanOrEqual(3);
    const kinds = (changes: typeof recent) => new Set(changes.map((c) => c.kind));
    expect(kinds(recent)).toEqual(new Set(['opened', 'reopened', 'severity', 'owner', 'phase']));
    expect(kinds(older)).toEqual(new Set(['opened', 'closed', 'severity', 'owner']));
    const severity = recent.filter((c) => c.kind === 'severity').map((c) => `${c.from}→${c.to}`);
    expect(severity).toEqual(expect.arrayContaining(['medium→high', 'medium→low']));
    expect(recent.some((c) => c.kind === 'owner' && c.from === null)).toBe(true);
  });

  it('is canonical JSON and regenerates byte for byte from scripts/make-sample-snapshot.ts', async () => {
    expect(text).toBe(canonicalJson(snapshot));
    const dir = await mkdtemp(join(tmpdir(), 'tandem-sample-'));
    try {
      const out = join(dir, 'snapshot.json');
      await promisify(execFile)(
        join(root, 'node_modules/.bin/node'),
        [join(root, 'scripts/make-sample-snapshot.ts'), '--out', out],
        { cwd: root },
      );
      expect(await readFile(out, 'utf8')).toBe(text);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    // It runs the script in a new Node process: five simulated syncs, seconds on a busy machine.
  }, 30_000);
});

import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/lib/sync/canonical-json.ts';
import { readSnapshot, writeSnapshot } from '../../src/lib/sync/snapshot-file.ts';
import { snapshotSchema } from '../../src/schemas/snapshot.ts';

let dir: string;
let path: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tandem-snapshot-'));
  path = join(dir, 'snapshot.json');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const snapshot = (syncedAt: string, title = 'Prompt injection') =>
  snapshotSchema.parse({
    version: 1,
    syncedAt,
    items: [
      {
        key: 'acme/x#1',
        repo: 'acme/x',
        number: 1,
        title,
        url: 'https://github.com/acme/x/issues/1',
        createdAt: '2026-01-01T00:00:00Z',
        updatedAt: '2026-01-02T00:00:00Z',
      },
    ],
  });

describe('canonical JSON', () => {
  it('sorts keys at every level, indents by two spaces and ends with a newline', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 1, c: null }], u: undefined })).toBe(
      '{\n  "a": [\n    {\n      "c": null,\n      "d": 1\n    }\n  ],\n  "b": 1\n}\n',
    );
  });

  it('gives the same bytes for the same data whatever the key order', () => {
    expect(canonicalJson({ x: 1, y: { b: 2, a: 1 } })).toBe(canonicalJson({ y: { a: 1, b: 2 }, x: 1 }));
  });
});

describe('the snapshot file', () => {
  it('is written atomically, leaving no temporary file behind', async () => {
    expect(await writeSnapshot(path, snapshot('2026-11-01T00:00:00Z'), await readSnapshot(path))).toBe(
      'written',
    );
    expect(await readdir(dir)).toEqual(['snapshot.json']);
    expect(await readFile(path, 'utf8')).toBe(canonicalJson(snapshot('2026-11-01T00:00:00Z')));
  });

  it('is left byte-identical when only the sync time would change', async () => {
    await writeSnapshot(path, snapshot('2026-11-01T00:00:00Z'), await readSnapshot(path));
    const before = await readFile(path, 'utf8');
    expect(await writeSnapshot(path, snapshot('2026-11-02T00:00:00Z'), await readSnapshot(path))).toBe(
      'unchanged',
    );
    expect(await readFile(path, 'utf8')).toBe(before);
    expect(
      await writeSnapshot(path, snapshot('2026-11-02T00:00:00Z', 'Changed'), await readSnapshot(path)),
    ).toBe('written');
    expect(JSON.parse(await readFile(path, 'utf8')).syncedAt).toBe('2026-11-02T00:00:00Z');
  });

  it('keeps the old file whole when the write fails', async () => {
    await writeFile(path, 'previous');
    const missingDir = join(dir, 'gone', 'snapshot.json');
    await expect(
      writeSnapshot(missingDir, snapshot('2026-11-01T00:00:00Z'), {
        text: null,
        snapshot: null,
        problem: null,
      }),
    ).rejects.toThrow();
    expect(await readFile(path, 'utf8')).toBe('previous');
    expect(await readdir(dir)).toEqual(['snapshot.json']);
  });

  it('reads a missing file as no snapshot, and reports a broken one instead of throwing', async () => {
    expect(await readSnapshot(path)).toEqual({ text: null, snapshot: null, problem: null });
    await writeFile(path, '{"version": 2}');
    expect((await readSnapshot(path)).problem).toMatch(/./);
    await writeFile(path, '{ not json');
    expect((await readSnapshot(path)).problem).toMatch(/JSON/);
  });

  it('still reads a snapshot written before sources carried stale, error, skipped, fingerprint and labels', async () => {
    await writeFile(
      path,
      JSON.stringify({ version: 1, syncedAt: null, sources: [{ repo: 'acme/x', items: 0 }], items: [] }),
    );
    expect((await readSnapshot(path)).snapshot?.sources[0]).toEqual({
      repo: 'acme/x',
      items: 0,
      watermark: null,
      stale: false,
      error: null,
      skipped: null,
      fingerprint: null,
      labels: [],
    });
  });
});

import { describe, expect, it } from 'vitest';
import { EXPORT_FORMAT, EXPORT_VERSION, progressJson } from '../../src/lib/learn/progress-export.ts';
import { MAX_IMPORT_BYTES, readProgressImport } from '../../src/lib/learn/progress-import.ts';
import { emptyProgress, recordAttempt, recordVisit } from '../../src/lib/learn/progress-store.ts';

const t1 = new Date('2026-11-20T10:00:00Z');
const t2 = new Date('2026-11-21T10:00:00Z');
const modules = [
  { id: 'a/one', title: 'One', track: 'Track A' },
  { id: 'a/two', title: 'Two', track: 'Track A' },
];
const record = recordVisit(recordAttempt(emptyProgress(), 'a/one', 0.8, true, t1), 'a/two', t2);
const exported = () => JSON.parse(progressJson(record, modules, t2));

describe('reading an imported progress file', () => {
  it('reads back exactly the record that was exported', () => {
    expect(readProgressImport(progressJson(record, modules, t2))).toStrictEqual({ ok: true, record });
  });

  it('reads an empty export as an empty record', () => {
    expect(readProgressImport(progressJson(emptyProgress(), modules, t2))).toEqual({
      ok: true,
      record: emptyProgress(),
    });
  });

  it('reads the unversioned export of earlier builds, its best score standing in for the last', () => {
    const early = {
      exportedAt: t2.toISOString(),
      modules: [
        {
          id: 'a/one',
          title: 'One',
          track: 'Track A',
          completedAt: t1.toISOString(),
          bestScore: 0.8,
          attempts: 2,
        },
      ],
    };
    expect(readProgressImport(JSON.stringify(early))).toEqual({
      ok: true,
      record: {
        version: 3,
        modules: {
          'a/one': {
            completedAt: t1.toISOString(),
            bestScore: 0.8,
            lastScore: 0.8,
            attempts: 2,
            lastAttemptAt: null,
            lastVisitedAt: null,
          },
        },
      },
    });
  });

  it.each([
    ['a file that is not JSON', 'id,title\na/one,One', /not a Tandem progress export.*not JSON/],
    ['JSON that is not an object', '[1, 2, 3]', /not a Tandem progress export/],
    ['a stored progress record', JSON.stringify(record), /not a Tandem progress export/],
    [
      'another format',
      JSON.stringify({ ...exported(), format: 'other-app' }),
      /not a Tandem progress export/,
    ],
    [
      'a version given as text',
      JSON.stringify({ ...exported(), version: '2' }),
      /not a Tandem progress export/,
    ],
    ['version 0', JSON.stringify({ ...exported(), version: 0 }), /not a Tandem progress export/],
    [
      'a newer version',
      JSON.stringify({ ...exported(), version: EXPORT_VERSION + 1 }),
      new RegExp(
        `newer version of Tandem \\(export version ${EXPORT_VERSION + 1}; this site reads up to ${EXPORT_VERSION}\\)`,
      ),
    ],
    [
      'no list of modules',
      JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_VERSION }),
      /no list of modules/,
    ],
    [
      'a file over the size limit',
      JSON.stringify({ ...exported(), pad: 'x'.repeat(MAX_IMPORT_BYTES) }),
      /larger than a progress export can be \(256 KB\)/,
    ],
  ])('refuses %s and says why', (_name, text, message) => {
    const result = readProgressImport(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(message);
    expect(!result.ok && result.error).toMatch(/nothing was imported\.?/);
  });

  it.each([
    ['a row that is not an object', (rows: unknown[]) => [rows[0], 'a/two']],
    ['a row without an id', (rows: Record<string, unknown>[]) => [rows[0], { ...rows[1], id: '' }]],
    ['a score above 100 %', (rows: Record<string, unknown>[]) => [rows[0], { ...rows[1], bestScore: 2 }]],
    [
      'a date that is not one',
      (rows: Record<string, unknown>[]) => [rows[0], { ...rows[1], lastVisitedAt: 'soon' }],
    ],
    ['a missing field', (rows: Record<string, unknown>[]) => [rows[0], { ...rows[1], attempts: undefined }]],
    ['the same module twice', (rows: unknown[]) => [rows[0], rows[0]]],
    [
      'an id that is not a module’s',
      (rows: Record<string, unknown>[]) => [rows[0], { ...rows[1], id: '__proto__' }],
    ],
  ])('refuses the whole file for %s, naming the entry', (_name, damage) => {
    const file = exported();
    const result = readProgressImport(JSON.stringify({ ...file, modules: damage(file.modules) }));
    expect(result).toEqual({
      ok: false,
      error:
        'Entry 2 of this progress file cannot be read (the file may be damaged), so nothing was imported.',
    });
  });
});

import { describe, expect, it } from 'vitest';
import { progressCatalogue } from '../../src/lib/learn/progress-catalogue.ts';
import {
  continueDetail,
  continueInTrack,
  continueLead,
  continueOverall,
} from '../../src/lib/learn/progress-continue.ts';
import {
  emptyProgress,
  recordAttempt,
  recordVisit,
  type ProgressRecord,
} from '../../src/lib/learn/progress-store.ts';
import { moduleStatus, trackCount, visitedLabel } from '../../src/lib/learn/progress-view.ts';

const at = (d: number) => new Date(`2026-11-${String(d).padStart(2, '0')}T10:00:00Z`);
const trackA = ['a/1', 'a/2', 'a/3', 'a/4'];
const trackB = ['b/1', 'b/2'];
const all = [...trackA, ...trackB];

/** Steps applied in order: [module, day, 'visit' | score (a pass at 0.8 or more)]. */
function progress(...steps: [string, number, 'visit' | number][]): ProgressRecord {
  return steps.reduce(
    (record, [id, d, what]) =>
      what === 'visit' ? recordVisit(record, id, at(d)) : recordAttempt(record, id, what, what >= 0.8, at(d)),
    emptyProgress(),
  );
}

describe('a module’s state in words', () => {
  it('says nothing is started for a module without an entry', () => {
    expect(moduleStatus(undefined)).toEqual({ state: 'not-started', label: 'Not started', lastActive: null });
  });

  it('says "In progress" for a module only opened, with when', () => {
    const record = progress(['a/1', 3, 'visit']);
    expect(moduleStatus(record.modules['a/1'])).toEqual({
      state: 'in-progress',
      label: 'In progress',
      lastActive: at(3).toISOString(),
    });
  });

  it('gives the best score of an attempted module and its latest visit or attempt', () => {
    const record = progress(['a/1', 3, 'visit'], ['a/1', 4, 0.6], ['a/1', 5, 0.4]);
    expect(moduleStatus(record.modules['a/1'])).toEqual({
      state: 'in-progress',
      label: 'In progress · best 60 %',
      lastActive: at(5).toISOString(),
    });
  });

  it('says "Completed" once passed, whatever came after', () => {
    const record = progress(['a/1', 4, 1], ['a/1', 5, 0.2]);
    expect(moduleStatus(record.modules['a/1'])!.label).toBe('Completed');
  });

  it('writes the visit date for people', () => {
    expect(visitedLabel(at(20).toISOString(), 'UTC')).toBe('visited 20 Nov 2026');
  });

  it('counts completed modules of a track', () => {
    const record = progress(['a/1', 1, 1], ['a/2', 2, 0.4], ['b/1', 3, 1]);
    expect(trackCount(record, trackA)).toEqual({ done: 1, total: 4, label: '1 of 4 modules complete' });
    expect(trackCount(record, ['a/1']).label).toBe('1 of 1 module complete');
  });
});

describe('continue where you left off, in a track', () => {
  it('offers the first module to a reader with nothing done in the track', () => {
    expect(continueInTrack(progress(['b/1', 1, 'visit']), trackA)).toEqual({ id: 'a/1', reason: 'start' });
  });

  it('offers the unfinished module opened or attempted most recently', () => {
    const record = progress(['a/3', 1, 0.4], ['a/2', 2, 'visit'], ['a/4', 3, 1]);
    expect(continueInTrack(record, trackA)).toEqual({ id: 'a/2', reason: 'resume' });
  });

  it('offers the first module not started once everything touched is complete', () => {
    const record = progress(['a/1', 1, 1], ['a/3', 2, 1]);
    expect(continueInTrack(record, trackA)).toEqual({ id: 'a/2', reason: 'next' });
  });

  it('offers nothing once the track is complete', () => {
    const record = progress(['b/1', 1, 1], ['b/2', 2, 0.9]);
    expect(continueInTrack(record, trackB)).toBeNull();
  });

  it('takes the first in curriculum order when no times are known (migrated progress)', () => {
    const record = progress(['a/3', 1, 0.4], ['a/2', 1, 0.4]);
    for (const id of ['a/2', 'a/3']) record.modules[id] = { ...record.modules[id]!, lastAttemptAt: null };
    expect(continueInTrack(record, trackA)).toEqual({ id: 'a/2', reason: 'resume' });
  });
});

describe('continue where you left off, across the site', () => {
  it('offers nothing to a reader with no progress', () => {
    expect(continueOverall(emptyProgress(), all)).toBeNull();
  });

  it('offers the most recent unfinished module', () => {
    const record = progress(['a/2', 1, 'visit'], ['b/1', 2, 0.4]);
    expect(continueOverall(record, all)).toEqual({ id: 'b/1', reason: 'resume' });
  });

  it('carries on in the track of the latest activity when that module is complete', () => {
    const record = progress(['a/2', 1, 'visit'], ['b/1', 2, 1]);
    expect(continueOverall(record, all)).toEqual({ id: 'b/2', reason: 'next' });
  });

  it('moves to another track once the latest one is complete', () => {
    const record = progress(['a/2', 1, 'visit'], ['b/1', 2, 1], ['b/2', 3, 1]);
    expect(continueOverall(record, all)).toEqual({ id: 'a/2', reason: 'resume' });
    const done = progress(['b/1', 2, 1], ['b/2', 3, 1]);
    expect(continueOverall(done, all)).toEqual({ id: 'a/1', reason: 'next' });
  });

  it('offers nothing once every module is complete', () => {
    const record = progress(...all.map((id, i): [string, number, number] => [id, i + 1, 1]));
    expect(continueOverall(record, all)).toBeNull();
  });

  it('words the offer by why it is made', () => {
    const record = progress(['a/2', 1, 0.6]);
    expect(continueLead({ id: 'a/1', reason: 'start' })).toBe('Start with:');
    expect(continueLead({ id: 'a/2', reason: 'resume' })).toBe('Continue where you left off:');
    expect(continueDetail(record, { id: 'a/2', reason: 'resume' }, 'Track A')).toBe(
      '(Track A · In progress · best 60 %)',
    );
    expect(continueDetail(record, { id: 'a/3', reason: 'next' }, null)).toBe('');
  });
});

describe('the catalogue passed to the browser', () => {
  it('lists modules track by track in the tracks’ order, with titles and links', () => {
    const tracks = [
      { id: 'b', data: { title: 'Track B' } },
      { id: 'a', data: { title: 'Track A' } },
    ];
    const modules = ['a/1', 'b/1', 'c/1', 'a/2'].map((id) => ({ id, data: { title: `Module ${id}` } }));
    expect(progressCatalogue(tracks, modules)).toEqual([
      { id: 'b/1', title: 'Module b/1', track: 'Track B', href: '/learn/b/1/' },
      { id: 'a/1', title: 'Module a/1', track: 'Track A', href: '/learn/a/1/' },
      { id: 'a/2', title: 'Module a/2', track: 'Track A', href: '/learn/a/2/' },
    ]);
  });
});

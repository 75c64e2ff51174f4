import { describe, expect, it } from 'vitest';
import { modulePage, readingMinutes } from '../../src/lib/learn/module-page.ts';

const mod = (id: string, prerequisites: string[] = [], body = '') => ({
  id,
  body,
  data: { title: id, prerequisites },
});
const tracks = [
  { id: 'a', data: { title: 'Track A' } },
  { id: 'b', data: { title: 'Track B' } },
];
const longTrack = Array.from({ length: 20 }, (_, i) => mod(`b/m${i + 1}`));
const modules = [mod('a/one'), mod('a/two', ['a/one']), mod('a/three'), ...longTrack];
const headings = [
  { depth: 2, slug: 'why', text: 'Why it matters' },
  { depth: 3, slug: 'detail', text: 'A detail' },
  { depth: 2, slug: 'hands-on-exercise', text: 'Hands-on exercise' },
];
const page = (id: string) =>
  modulePage({
    module: modules.find((m) => m.id === id)!,
    modules,
    tracks,
    headings,
    extraSections: [{ slug: 'knowledge-check', text: 'Knowledge check' }],
  });

describe('module page model', () => {
  it('places a module in its track with previous, next and prerequisites', () => {
    const p = page('a/two');
    expect(p.track.id).toBe('a');
    expect(p.siblings.map((m) => m.id)).toEqual(['a/one', 'a/two', 'a/three']);
    expect(p.position).toBe(2);
    expect([p.previous?.id, p.next?.id]).toEqual(['a/one', 'a/three']);
    expect(p.prerequisites.map((m) => m.id)).toEqual(['a/one']);
    expect(p.nearby).toHaveLength(3);
  });

  it('has no previous on the first module and no next on the last', () => {
    expect(page('a/one').previous).toBeUndefined();
    expect(page('a/three').next).toBeUndefined();
  });

  it('lists the 15 modules around the current one on a long track, even at its ends', () => {
    expect(page('b/m10').nearby.map((m) => m.id)).toEqual(longTrack.slice(2, 17).map((m) => m.id));
    expect(page('b/m1').nearby[0]!.id).toBe('b/m1');
    expect(page('b/m20').nearby).toHaveLength(15);
    expect(page('b/m20').nearby.at(-1)!.id).toBe('b/m20');
  });

  it('builds the table of contents from level-2 headings and the sections the page adds', () => {
    expect(page('a/one').toc.map((t) => t.slug)).toEqual(['why', 'hands-on-exercise', 'knowledge-check']);
  });

  it('estimates reading time at 200 words a minute, at least one minute', () => {
    expect(readingMinutes('')).toBe(1);
    expect(readingMinutes(Array(1000).fill('word').join(' '))).toBe(5);
    expect(readingMinutes('## ---- ``` word')).toBe(1);
  });

  it('names the module when a prerequisite or the track is missing', () => {
    expect(() =>
      modulePage({ module: mod('a/x', ['a/none']), modules, tracks, headings, extraSections: [] }),
    ).toThrow('module a/x: prerequisite "a/none" is not a module');
    expect(() => modulePage({ module: mod('c/x'), modules, tracks, headings, extraSections: [] })).toThrow(
      'module c/x: no track "c"',
    );
  });
});

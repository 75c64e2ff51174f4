import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { agendaLinks } from '../../src/lib/board/agenda-links.ts';
import { agendaMarkdown } from '../../src/lib/board/agenda-markdown.ts';
import { agendaView } from '../../src/lib/board/agenda-view.ts';
import {
  buildAgenda,
  defaultSince,
  parseDay,
  type AgendaInput,
  type AgendaItem,
  type GuidancePage,
} from '../../src/lib/board/agenda.ts';
import type { ItemChange } from '../../src/schemas/board-item.ts';

const asOf = new Date('2026-11-23T06:00:00Z');
const since = new Date('2026-11-09T00:00:00Z');
let n = 0;

function item(over: Partial<AgendaItem> = {}): AgendaItem {
  n += 1;
  const key = over.key ?? `acme/r#${n}`;
  return {
    key,
    title: `Risk ${n}`,
    url: `https://github.com/${key.replace('#', '/issues/')}`,
    owner: 'security',
    severity: 'medium',
    assignees: ['priya-sec'],
    createdAt: '2026-09-01T00:00:00Z',
    updatedAt: '2026-11-20T00:00:00Z',
    closedAt: null,
    closedBy: null,
    changes: [],
    ...over,
  };
}

const change = (
  at: string,
  kind: ItemChange['kind'],
  from: string | null = null,
  to: string | null = null,
) => ({
  at,
  kind,
  from,
  to,
});

const guidance: GuidancePage[] = [
  {
    type: 'module',
    title: 'Fresh module',
    url: '/learn/a/b/',
    owner: 'security',
    lastReviewed: '2026-11-11',
  },
  {
    type: 'practice',
    title: 'Old practice',
    url: '/practices/p/',
    owner: 'shared',
    lastReviewed: '2026-05-01',
  },
];

const input = (over: Partial<AgendaInput>): AgendaInput => ({
  items: [],
  closed: [],
  guidance,
  asOf,
  since,
  staleAfterDays: 30,
  retentionDays: 90,
  ...over,
});

const keysOf = (agenda: ReturnType<typeof buildAgenda>) =>
  Object.fromEntries(
    agenda.sections.map((s) => [
      s.id,
      s.kind === 'risks' ? s.risks.map((r) => r.item.key) : s.pages.map((p) => p.title),
    ]),
  );

const links = agendaLinks({
  webUrl: 'https://github.com',
  repos: ['acme/r', 'acme/s'],
  labels: ['risk', 'threat'],
});

describe('agenda dates', () => {
  it('defaults to the start of the day one cadence before the snapshot', () => {
    expect(defaultSince(asOf, 14).toISOString()).toBe('2026-11-09T00:00:00.000Z');
  });

  it('reads only real calendar days in YYYY-MM-DD', () => {
    expect(parseDay('2026-11-09')?.toISOString()).toBe('2026-11-09T00:00:00.000Z');
    for (const bad of ['2026-02-30', '09/11/2026', '2026-11-9', '', null, '2026-11-09T00:00:00Z'])
      expect(parseDay(bad)).toBeNull();
  });
});

describe('buildAgenda', () => {
  it('places each risk once, in its most pressing section, in meeting order', () => {
    const closed = item({ closedAt: '2026-11-20T10:00:00Z', closedBy: 'lucia-ml', severity: 'high' });
    const closedBefore = item({ closedAt: '2026-11-01T10:00:00Z' });
    const raised = item({
      changes: [change('2026-11-12T09:00:00Z', 'severity', 'medium', 'high')],
      severity: 'high',
    });
    const fresh = item({
      createdAt: '2026-11-15T00:00:00Z',
      changes: [change('2026-11-15T00:00:00Z', 'opened')],
    });
    const freshUnowned = item({ createdAt: '2026-11-16T00:00:00Z', owner: null });
    const criticalAlone = item({ severity: 'critical', assignees: [] });
    const movedToNobody = item({
      owner: null,
      changes: [change('2026-11-10T00:00:00Z', 'owner', 'security', null)],
    });
    const stale = item({ updatedAt: '2026-10-01T00:00:00Z' });
    const quiet = item({});
    const agenda = buildAgenda(
      input({
        items: [quiet, stale, movedToNobody, criticalAlone, freshUnowned, fresh, raised],
        closed: [closedBefore, closed],
      }),
    );
    expect(keysOf(agenda)).toEqual({
      resolved: [closed.key],
      changed: [raised.key],
      new: [fresh.key],
      decisions: [criticalAlone.key, movedToNobody.key, freshUnowned.key],
      stale: [stale.key],
      guidance: ['Fresh module'],
    });
    const listed = agenda.sections.flatMap((s) => (s.kind === 'risks' ? s.risks.map((r) => r.item.key) : []));
    expect(new Set(listed).size).toBe(listed.length);
    expect(agenda.discussed.map((i) => i.key)).toEqual(listed.filter((k) => k !== closed.key));
  });

  it('says why each risk is there, with every change from → to and its date', () => {
    const chain = item({
      severity: 'critical',
      owner: 'shared',
      changes: [
        change('2026-10-01T00:00:00Z', 'severity', 'low', 'medium'),
        change('2026-11-10T00:00:00Z', 'severity', 'medium', 'high'),
        change('2026-11-14T00:00:00Z', 'severity', 'high', 'critical'),
        change('2026-11-14T00:00:00Z', 'owner', 'data-science', 'shared'),
        change('2026-11-18T00:00:00Z', 'phase', 'training', 'training, deployment'),
      ],
    });
    const lowered = item({
      severity: 'low',
      changes: [change('2026-11-11T00:00:00Z', 'severity', 'high', 'low')],
    });
    const reopened = item({ changes: [change('2026-11-19T08:00:00Z', 'reopened')] });
    const closed = item({ closedAt: '2026-11-20T10:00:00Z', closedBy: 'lucia-ml' });
    const agenda = buildAgenda(input({ items: [chain, lowered, reopened], closed: [closed] }));
    const reasons = Object.fromEntries(
      agenda.sections.flatMap((s) => (s.kind === 'risks' ? s.risks.map((r) => [r.item.key, r.reasons]) : [])),
    );
    expect(reasons[chain.key]).toEqual([
      'Severity raised: medium → high → critical on 2026-11-14',
      'Owner changed: Data science → Shared on 2026-11-14',
      'Phase changed: training → training, deployment on 2026-11-18',
    ]);
    expect(reasons[lowered.key]).toEqual(['Severity lowered: high → low on 2026-11-11']);
    expect(reasons[reopened.key]).toEqual(['Reopened 2026-11-19']);
    expect(reasons[closed.key]).toEqual(['Closed 2026-11-20 by lucia-ml']);
  });

  it('counts stale from the snapshot date, never from today', () => {
    const old = item({ updatedAt: '2026-10-20T00:00:00Z' }); // 34 days before the snapshot
    const recent = item({ updatedAt: '2026-10-25T00:00:00Z' }); // 29 days before the snapshot
    const agenda = buildAgenda(input({ items: [old, recent] }));
    expect(keysOf(agenda)['stale']).toEqual([old.key]);
  });

  it('counts an item labelled onto the board in the window as new, with both dates', () => {
    const labelled = item({
      createdAt: '2026-06-01T00:00:00Z',
      changes: [change('2026-11-13T00:00:00Z', 'opened')],
    });
    const agenda = buildAgenda(input({ items: [labelled] }));
    const section = agenda.sections.find((s) => s.id === 'new')!;
    expect(section.kind === 'risks' && section.risks[0]!.reasons).toEqual([
      'New on the board: added 2026-11-13, opened 2026-06-01',
    ]);
  });

  it('never lists more risks than the cap, and counts the rest', () => {
    const many = [
      ...Array.from({ length: 120 }, () => item({ owner: null })),
      ...Array.from({ length: 90 }, () => item({ createdAt: '2026-11-20T00:00:00Z' })),
      ...Array.from({ length: 70 }, () => item({ updatedAt: '2026-01-01T00:00:00Z' })),
    ];
    const closed = Array.from({ length: 50 }, () => item({ closedAt: '2026-11-21T00:00:00Z' }));
    const agenda = buildAgenda(input({ items: many, closed }));
    const risks = agenda.sections.filter((s) => s.kind === 'risks');
    expect(risks.reduce((sum, s) => sum + s.risks.length, 0)).toBe(40);
    expect(Object.fromEntries(risks.map((s) => [s.id, s.total]))).toEqual({
      resolved: 50,
      changed: 0,
      new: 90,
      decisions: 120,
      stale: 70,
    });
    // Changed had nothing, so its share went to the most pressing section.
    expect(Object.fromEntries(risks.map((s) => [s.id, s.risks.length]))).toEqual({
      resolved: 6,
      changed: 0,
      new: 8,
      decisions: 20,
      stale: 6,
    });
    const view = agendaView(agenda, links);
    expect(view.sections.find((s) => s.id === 'stale')!.more).toEqual({
      text: 'and 64 more stale; see every stale risk',
      href: '/board/?stale=1',
    });
    expect(view.notes).toContain(
      '330 risks qualify; the 40 most pressing are listed and the rest are linked at the end of their section.',
    );
    expect(agenda.minutes).toBeLessThanOrEqual(90);
  });

  it('warns when the chosen date is before the first recorded change', () => {
    const agenda = buildAgenda(input({ since: new Date('2026-07-01T00:00:00Z') }));
    expect(agendaView(agenda, links).notes[0]).toBe(
      'The sync keeps changes for the last 90 days: nothing resolved or changed before 2026-08-25 is known.',
    );
  });
});

describe('agenda view and Markdown', () => {
  it('links open items to their board page, closed ones and overflow to GitHub', () => {
    const open = item({ key: 'acme/r#7', createdAt: '2026-11-20T00:00:00Z' });
    const closed = Array.from({ length: 60 }, () => item({ closedAt: '2026-11-21T00:00:00Z' }));
    const view = agendaView(buildAgenda(input({ items: [open], closed })), links);
    const lines = view.sections.flatMap((s) => s.lines);
    expect(lines.find((l) => l.key === 'acme/r#7')!.href).toBe('/board/acme/r/7/');
    expect(lines.find((l) => l.key === closed[0]!.key)!.href).toBe(closed[0]!.url);
    const more = view.sections.find((s) => s.id === 'resolved')!.more!;
    expect(more.text).toBe('and 21 more closed; list them on GitHub');
    expect(new URL(more.href!).searchParams.get('q')).toBe(
      'is:issue is:closed closed:>=2026-11-09 label:risk,threat repo:acme/r repo:acme/s',
    );
  });

  it('lists closed items of organisations with org:, and searches owners when repositories would not fit', () => {
    const withOrg = agendaLinks({
      webUrl: 'https://github.com',
      repos: ['partner/x'],
      orgs: ['acme'],
      labels: ['risk'],
    });
    const q = (href: string | null) => new URL(href!).searchParams.get('q');
    expect(q(withOrg.closedSince('2026-11-09'))).toBe(
      'is:issue is:closed closed:>=2026-11-09 label:risk org:acme repo:partner/x',
    );
    const many = agendaLinks({
      webUrl: 'https://github.com',
      repos: Array.from({ length: 30 }, (_, i) => `acme/repository-${i}`),
      labels: ['risk'],
    });
    const long = q(many.closedSince('2026-11-09'))!;
    expect(long).toBe('is:issue is:closed closed:>=2026-11-09 label:risk user:acme');
    expect(long.length).toBeLessThanOrEqual(256);
  });

  it('renders the same view as Markdown, each risk once plus its action row, matching the golden file', () => {
    n = 100;
    const hostile = item({
      key: 'acme/r#900',
      title: '[click](javascript:alert(1)) <b>x</b> | cell',
      createdAt: '2026-11-20T00:00:00Z',
      severity: 'critical',
    });
    const agenda = buildAgenda(
      input({
        items: [
          hostile,
          item({ severity: 'high', changes: [change('2026-11-12T00:00:00Z', 'severity', 'medium', 'high')] }),
          item({ owner: null }),
          item({ updatedAt: '2026-09-01T00:00:00Z' }),
        ],
        closed: [item({ closedAt: '2026-11-21T00:00:00Z', closedBy: 'mwong-ds' })],
      }),
    );
    const markdown = agendaMarkdown(agendaView(agenda, links), {
      sample: false,
      absolute: (href) => new URL(href, 'https://risks.tandem.test/').href,
    });
    expect(markdown).toBe(readFileSync(new URL('../fixtures/golden/agenda.md', import.meta.url), 'utf8'));
    expect(markdown).not.toContain('](javascript');
    for (const key of ['acme/r\\#900', 'acme/r\\#102', 'acme/r\\#103', 'acme/r\\#104']) {
      expect(markdown.split(key).length - 1, key).toBe(2); // its line and its action row
    }
    expect(markdown.split('acme/r\\#105').length - 1).toBe(1); // resolved: no action row
  });
});

describe('stale counts', () => {
  it('counts every stale risk as the board does, and says where the ones in other sections went', () => {
    const staleUnowned = item({ owner: null, updatedAt: '2026-09-01T00:00:00Z' });
    const stale = item({ updatedAt: '2026-09-02T00:00:00Z' });
    const agenda = buildAgenda(input({ items: [staleUnowned, stale] }));
    expect(agenda.staleTotal).toBe(2);
    expect(agendaView(agenda, links).sections.find((s) => s.id === 'stale')!.intro).toBe(
      "Open, with no update on GitHub for more than 30 days before the board's snapshot of 2026-11-23 (the board's 2 stale risks; 1 of them is in an earlier section).",
    );
  });
});

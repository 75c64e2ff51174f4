import { describe, expect, it } from 'vitest';
import { historyLines } from '../../src/lib/board/history.ts';
import { itemChangeSchema } from '../../src/schemas/board-item.ts';

const change = (
  kind: string,
  from: string | null = null,
  to: string | null = null,
  at = '2026-11-12T18:30:00Z',
) => itemChangeSchema.parse({ at, kind, from, to });

describe('historyLines', () => {
  it('writes each change on one dated line, from → to, with team names and ISO dates', () => {
    expect(
      historyLines([
        change('opened', null, null, '2026-10-01T09:00:00Z'),
        change('severity', 'medium', 'high'),
        change('owner', 'data-science', 'shared'),
        change('owner', null, 'security'),
        change('phase', '', 'data, training'),
        change('closed', null, null, '2026-11-20T23:59:00Z'),
        change('reopened', null, null, '2026-11-21T00:00:00Z'),
      ]).map((h) => `${h.date} ${h.text}`),
    ).toEqual([
      '2026-10-01 Opened',
      '2026-11-12 Severity medium → high',
      '2026-11-12 Owner Data science → Shared',
      '2026-11-12 Owner Needs an owner → Security',
      '2026-11-12 Phase none → data, training',
      '2026-11-20 Closed',
      '2026-11-21 Reopened',
    ]);
  });
});

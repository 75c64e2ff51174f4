import { describe, expect, it } from 'vitest';
import { updateRisk } from '../../src/lib/assess/assessment.ts';
import { exampleAssessment } from '../../src/lib/assess/example.ts';
import { decodeShare, encodeShare, SHARE_LIMIT, shareUrl } from '../../src/lib/assess/share-link.ts';
import { libraryThreats } from '../fixtures/assess/library.ts';

const threats = libraryThreats();
const now = '2026-11-20T10:00:00.000Z';
const example = exampleAssessment(threats, now);
const page = 'https://risks.tandem.test/assess/';

describe('share links against the threat library', () => {
  it('leave unchanged library text out and get it back from the library', async () => {
    const short = await encodeShare(example, threats);
    const long = await encodeShare(example);
    expect(short.length).toBeLessThan(long.length / 2);
    const back = await decodeShare(short, threats);
    expect(back).toEqual({ ok: true, assessment: example });
  });

  it('carry the worked example, every team decision included, within the link limit', async () => {
    const result = await shareUrl(example, page, threats);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.url.length).toBeLessThanOrEqual(SHARE_LIMIT);
  });

  it('keep an edited library field as the teams wrote it', async () => {
    const edited = updateRisk(
      example,
      example.risks[0]!.id,
      { description: 'Our own words for it.', phases: ['data'] },
      now,
    );
    const back = await decodeShare(await encodeShare(edited, threats), threats);
    expect(back.ok && back.assessment.risks[0]).toMatchObject({
      description: 'Our own words for it.',
      phases: ['data'],
    });
  });

  it('drop a risk whose text is missing when the opening page’s library lacks its threat', async () => {
    const link = await encodeShare(example, threats);
    const back = await decodeShare(
      link,
      threats.filter((t) => t.id !== example.risks[0]!.threatId),
    );
    expect(back.ok).toBe(true);
    if (back.ok) {
      expect(back.assessment.risks).toHaveLength(example.risks.length - 1);
      expect(back.notice).toMatch(/1 unreadable risk was removed/);
    }
  });
});

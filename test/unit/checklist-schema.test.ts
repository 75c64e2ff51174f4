import { describe, expect, it } from 'vitest';
import { checklistSchema } from '../../src/schemas/checklist.ts';
import { rawReleaseReview } from './checklist-fixture.ts';

/** The path and message of every issue, as the build prints them. */
function issues(raw: unknown) {
  return (checklistSchema.safeParse(raw).error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('checklist schema errors name the item and say what is wrong', () => {
  it('accepts the fixture and derives an 8-hex-digit version', () => {
    expect(checklistSchema.parse(rawReleaseReview()).version).toMatch(/^[0-9a-f]{8}$/);
  });

  it('rejects an item id used twice across sections, pointing at the second use', () => {
    const raw = rawReleaseReview();
    raw.sections[1].items[1].id = 'owner-named';
    expect(issues(raw)).toEqual([
      'sections.1.items.1.id: duplicate item id "owner-named"; item ids must be unique within a checklist',
    ]);
  });

  it('reports every duplicate, not only the first', () => {
    const raw = rawReleaseReview();
    raw.sections[0].items[1].id = 'owner-named';
    raw.sections[1].items[0].id = 'owner-named';
    expect(issues(raw)).toEqual([
      'sections.0.items.1.id: duplicate item id "owner-named"; item ids must be unique within a checklist',
      'sections.1.items.0.id: duplicate item id "owner-named"; item ids must be unique within a checklist',
    ]);
  });

  it('rejects an unknown owner on an item, quoting the value', () => {
    const raw = rawReleaseReview();
    raw.sections[0].items[2].owner = 'ml-team';
    expect(issues(raw)).toEqual([
      'sections.0.items.2.owner: owner must be one of security, data-science, shared (got "ml-team")',
    ]);
  });

  it('rejects a missing owner on an item', () => {
    const raw = rawReleaseReview();
    delete raw.sections[0].items[0].owner;
    expect(issues(raw)).toEqual([
      'sections.0.items.0.owner: owner must be one of security, data-science, shared (got undefined)',
    ]);
  });

  it('rejects an unknown taxonomy ID on an item, naming the taxonomy and the tag', () => {
    const raw = rawReleaseReview();
    raw.sections[0].items[1].tags = ['reg:GDPR', 'owasp-ml:ML99:2023'];
    expect(issues(raw)).toEqual([
      'sections.0.items.1.tags.1: unknown OWASP Machine Learning Security Top 10 (2023) ID "ML99:2023" in tag "owasp-ml:ML99:2023"',
    ]);
  });

  it('rejects an unknown taxonomy scheme, listing the known ones', () => {
    const raw = rawReleaseReview();
    raw.tags = ['mitre:T1059'];
    expect(issues(raw)).toEqual([
      'tags.0: unknown taxonomy scheme "mitre" in "mitre:T1059" (schemes: atlas, owasp-ml, owasp-llm, nist, reg)',
    ]);
  });

  it('rejects an item id that is not a slug, since runs and anchors are keyed by it', () => {
    const raw = rawReleaseReview();
    raw.sections[0].items[0].id = 'Owner Named';
    expect(issues(raw)).toEqual(['sections.0.items.0.id: id must be lower-case words joined by hyphens']);
  });

  it('changes the version when an item is added, so older runs can show it as new', () => {
    const raw = rawReleaseReview();
    const before = checklistSchema.parse(raw).version;
    raw.sections[1].items.push({
      id: 'red-team',
      title: 'Red team',
      prompt: 'Has a red team tried the release?',
      why: 'Attackers will.',
      owner: 'security',
    });
    expect(checklistSchema.parse(raw).version).not.toBe(before);
  });
});

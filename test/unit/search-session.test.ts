/**
 * The browser's search session over a fake fetch: stages arrive content first, board later,
 * and a stage that finishes fetching after a later one was shown never overwrites it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SearchSession, type Stage } from '../../src/client/search-engine.ts';
import { boardDocument } from '../../src/lib/search/board-documents.ts';
import { buildSearch } from '../../src/lib/search/build-index.ts';
import { termDocument } from '../../src/lib/search/content-documents.ts';
import { searchUrls } from '../../src/lib/search/index-urls.ts';

const built = buildSearch(
  {
    content: [
      termDocument({
        id: 'red-teaming',
        term: 'Red teaming',
        aliases: [],
        owner: 'security',
        definition: 'Probing a model with jailbreak prompts before attackers do.',
        tags: [],
      }),
    ],
    board: [
      boardDocument({
        key: 'acme/ml#1',
        title: 'Jailbreak jailbreak prompts for the sales copilot',
        owner: 'security',
        severity: 'high',
        phases: [],
        tags: [],
        unknownTags: [],
        labels: [],
        excerpt: 'Jailbreak prompts are shared.',
      }),
    ],
  },
  1, // one document per chunk, so each stage needs its own chunk
);

/** Serves the built files; `delay(url)` says how long each takes. */
function serve(delay: (url: string) => number) {
  const files = new Map<string, unknown>([[searchUrls.manifest(), built.manifest]]);
  for (const s of built.shards) files.set(searchUrls.shard(s.part, s.key), s.shard);
  built.chunks.forEach((c, n) => files.set(searchUrls.chunk(n), c));
  vi.stubGlobal('fetch', async (url: string) => {
    await new Promise((done) => setTimeout(done, delay(url)));
    const body = files.get(url);
    return { ok: body !== undefined, status: body ? 200 : 404, json: async () => body };
  });
}

afterEach(() => vi.unstubAllGlobals());

describe('SearchSession', () => {
  it('shows guidance first, then the complete answer, and never a stale stage after it', async () => {
    // The content stage's chunk is slow; the board arrives later but its chunk is fast.
    serve((url) => (url.includes('/docs/0.') ? 150 : url.includes('/board/') ? 30 : 5));
    const session = await SearchSession.open(searchUrls.manifest());
    const stages: Stage[] = [];
    await session.run('jailbreak', { limit: 1 }, (stage) => stages.push(stage));
    expect(stages.length).toBeGreaterThan(0);
    const last = stages[stages.length - 1]!;
    expect(last.result.pending).toEqual([]);
    expect(last.partial).toBe(false);
    expect(last.result.hits[0]!.type).toBe('board');
    // Each stage shown is at least as complete as the one before.
    stages.forEach(
      (s, i) =>
        i && expect(s.result.pending.length).toBeLessThanOrEqual(stages[i - 1]!.result.pending.length),
    );
  });
});

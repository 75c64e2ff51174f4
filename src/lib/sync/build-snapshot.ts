import type { BoardItem } from '../../schemas/board-item.ts';
import { snapshotSchema, type Snapshot } from '../../schemas/snapshot.ts';
import type { SourcesConfig } from '../../schemas/sources.ts';
import { pruneHistory } from './prune.ts';
import { isoSeconds } from './iso-seconds.ts';

const DAY_MS = 86_400_000;

/**
 * Assembles and validates the snapshot with the schema the build uses: open and closed items
 * in a stable order, history pruned to the retention window. The window applies to every
 * source, a failed one included: its last good closed items stay only while they are recent.
 */
export function buildSnapshot(input: {
  config: SourcesConfig;
  sources: Snapshot['sources'];
  orgs?: Snapshot['orgs'];
  items: readonly BoardItem[];
  closed: readonly BoardItem[];
  syncedAt: Date;
  apiUrl: string;
  webUrl: string;
}): Snapshot {
  const { config } = input;
  const cutoff = new Date(input.syncedAt.getTime() - config.retentionDays * DAY_MS);
  const { items, closed } = pruneHistory({ items: input.items, closed: input.closed }, cutoff);
  return snapshotSchema.parse({
    version: 1,
    syncedAt: isoSeconds(input.syncedAt),
    apiUrl: input.apiUrl,
    webUrl: input.webUrl,
    sample: false,
    settings: {
      staleAfterDays: config.staleAfterDays,
      cadenceDays: config.cadenceDays,
      maxAgeHours: config.maxAgeHours,
      retentionDays: config.retentionDays,
    },
    sources: input.sources,
    orgs: input.orgs ?? [],
    items: items.sort(byKey),
    closed: closed.sort(byKey),
  });
}

/** Repository (case-insensitively), then number. */
function byKey(a: BoardItem, b: BoardItem): number {
  const [x, y] = [a.repo.toLowerCase(), b.repo.toLowerCase()];
  return (x < y ? -1 : x > y ? 1 : 0) || a.number - b.number;
}

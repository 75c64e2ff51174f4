import { boardItemSchema, type BoardItem } from '../../schemas/board-item.ts';
import { snapshotSchema, type Snapshot } from '../../schemas/snapshot.ts';
import type { Source, SourcesConfig } from '../../schemas/sources.ts';
import { isSelected, itemKey, mapIssue, type MapContext } from './map-issue.ts';
import type { RawIssue } from './response.ts';

export interface ApplyInput {
  source: Source;
  /** `full` replaces the source's items; `incremental` updates the previous ones. */
  mode: 'full' | 'incremental';
  previousItems: readonly BoardItem[];
  previousWatermark: string | null;
  /** The repository as GitHub names it, to check each issue belongs to it. */
  nameWithOwner: string;
  issues: readonly RawIssue[];
  context: MapContext;
  warn: (message: string) => void;
}

/**
 * Applies fetched issues to one source's items. An issue stays or arrives when it is open,
 * carries a selecting label and is in the expected public (or opted-in) repository; otherwise
 * it leaves. The watermark is the latest `updatedAt` seen, selected or not.
 */
export function applyIssues(input: ApplyInput): { items: BoardItem[]; watermark: string | null } {
  const { source, issues, context, warn } = input;
  const items = new Map(
    input.mode === 'incremental' ? input.previousItems.map((item) => [item.key, item]) : [],
  );
  let watermark = input.mode === 'incremental' ? input.previousWatermark : null;
  for (const issue of issues) {
    const key = itemKey(source.repo, issue.number);
    if (!watermark || Date.parse(issue.updatedAt) > Date.parse(watermark)) watermark = issue.updatedAt;
    const sameRepo = issue.repository.nameWithOwner.toLowerCase() === input.nameWithOwner.toLowerCase();
    const visible = issue.repository.visibility === 'PUBLIC' || source.includePrivate;
    if (!sameRepo || !visible)
      warn(`${key}: skipped, it belongs to ${sameRepo ? 'a private repository' : 'another repository'}`);
    if (!(sameRepo && visible && issue.state === 'OPEN' && isSelected(issue, source.labels))) {
      items.delete(key);
      continue;
    }
    const parsed = boardItemSchema.safeParse(mapIssue(issue, source.repo, context));
    if (parsed.success) items.set(key, parsed.data);
    else {
      items.delete(key);
      warn(
        `${key}: skipped, ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
    }
  }
  return { items: [...items.values()], watermark };
}

/** Assembles and validates the snapshot with the schema the build uses; items in a stable order. */
export function buildSnapshot(input: {
  config: SourcesConfig;
  sources: Snapshot['sources'];
  items: readonly BoardItem[];
  syncedAt: Date;
  apiUrl: string;
}): Snapshot {
  const { config } = input;
  const items = [...input.items].sort((a, b) => compareRepo(a.repo, b.repo) || a.number - b.number);
  return snapshotSchema.parse({
    version: 1,
    syncedAt: input.syncedAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    apiUrl: input.apiUrl,
    sample: false,
    settings: {
      staleAfterDays: config.staleAfterDays,
      cadenceDays: config.cadenceDays,
      maxAgeHours: config.maxAgeHours,
    },
    sources: input.sources,
    items,
  });
}

function compareRepo(a: string, b: string): number {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  return x < y ? -1 : x > y ? 1 : 0;
}

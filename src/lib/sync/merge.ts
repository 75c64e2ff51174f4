import { boardItemSchema, type BoardItem } from '../../schemas/board-item.ts';
import { snapshotSchema, type Snapshot } from '../../schemas/snapshot.ts';
import type { Source, SourcesConfig } from '../../schemas/sources.ts';
import { isSelected, itemKey, mapIssue, plainIssue, type MapContext } from './map-issue.ts';
import { cleanText } from './plain-text.ts';
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
  /** When the sync started: no watermark may lie beyond it. */
  now: Date;
  warn: (message: string) => void;
}

/**
 * Applies fetched issues to one source's items. An issue stays or arrives when it is open,
 * carries a selecting label and is in the expected public (or opted-in) repository; otherwise
 * it leaves. The watermark is the latest `updatedAt` seen, selected or not, but never later
 * than the start of the sync: an issue dated 2099 must not make later syncs miss new issues.
 *
 * One issue can never fail its source: an issue that cannot be mapped keeps its last good item,
 * or arrives as a plain-text item, marked as not rendered, with a warning that names it.
 */
export function applyIssues(input: ApplyInput): { items: BoardItem[]; watermark: string | null } {
  const { source, issues, context, warn } = input;
  const previous = new Map(input.previousItems.map((item) => [item.key, item]));
  const items = new Map(input.mode === 'incremental' ? previous : []);
  let watermark = input.mode === 'incremental' ? input.previousWatermark : null;
  let latest = Date.parse(watermark ?? '');
  for (const issue of issues) {
    const key = itemKey(source.repo, issue.number);
    const updated = Date.parse(issue.updatedAt);
    if (!Number.isNaN(updated) && !(updated <= latest)) [latest, watermark] = [updated, issue.updatedAt];
    const sameRepo = issue.repository.nameWithOwner.toLowerCase() === input.nameWithOwner.toLowerCase();
    const visible = issue.repository.visibility === 'PUBLIC' || source.includePrivate;
    if (!sameRepo || !visible)
      warn(`${key}: skipped, it belongs to ${sameRepo ? 'a private repository' : 'another repository'}`);
    if (!(sameRepo && visible && issue.state === 'OPEN' && isSelected(issue, source.labels))) {
      items.delete(key);
      continue;
    }
    const item = mapSafely(issue, source.repo, context, previous.get(key), warn);
    if (item) items.set(key, item);
    else items.delete(key);
  }
  if (latest > input.now.getTime()) watermark = isoSeconds(input.now);
  return { items: [...items.values()], watermark };
}

/** The item for one issue, whatever its content: mapped, else the last good one, else plain text. */
function mapSafely(
  issue: RawIssue,
  repo: string,
  context: MapContext,
  previous: BoardItem | undefined,
  warn: (message: string) => void,
): BoardItem | null {
  const key = itemKey(repo, issue.number);
  let reason: string;
  try {
    const parsed = boardItemSchema.safeParse(mapIssue(issue, repo, context));
    if (parsed.success) return parsed.data;
    reason = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  } catch (error) {
    reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  }
  reason = cleanText(reason, 200);
  if (previous) {
    warn(`${key}: could not be mapped (${reason}); keeping its last good item`);
    return { ...previous, bodySkipped: cleanText(`not updated from GitHub: ${reason}`, 300) };
  }
  try {
    const parsed = boardItemSchema.safeParse(plainIssue(issue, repo, context, reason));
    if (parsed.success) {
      warn(`${key}: could not be mapped (${reason}); added as plain text`);
      return parsed.data;
    }
  } catch {
    // Falls through to the warning below.
  }
  warn(`${key}: skipped, it could not be mapped (${reason})`);
  return null;
}

const isoSeconds = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Assembles and validates the snapshot with the schema the build uses; items in a stable order. */
export function buildSnapshot(input: {
  config: SourcesConfig;
  sources: Snapshot['sources'];
  items: readonly BoardItem[];
  syncedAt: Date;
  apiUrl: string;
  webUrl: string;
}): Snapshot {
  const { config } = input;
  const items = [...input.items].sort((a, b) => compareRepo(a.repo, b.repo) || a.number - b.number);
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
    },
    sources: input.sources,
    items,
  });
}

function compareRepo(a: string, b: string): number {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  return x < y ? -1 : x > y ? 1 : 0;
}

import { boardItemSchema, type BoardItem } from '../../schemas/board-item.ts';
import { itemKey, mapIssue, plainIssue, type MapContext } from './map-issue.ts';
import { cleanText } from './plain-text.ts';
import type { RawIssue } from './response.ts';

/**
 * The item for one issue, whatever its content: mapped, else the last good one, else plain
 * text; null (with a warning naming it) when not even that passes the schema. One issue can
 * never fail its source.
 */
export function mapSafely(
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

/** Everything the sync page and agenda.md compute from: one place so both agree. */
import { buildAgenda, defaultSince, type GuidancePage } from './agenda.ts';
import { buildNow } from '../clock.ts';
import { getGuidance, getSnapshot } from '../content.ts';
import { site } from '../../site.config.ts';

export async function defaultAgenda() {
  const [snapshot, guidanceEntries] = await Promise.all([getSnapshot(), getGuidance()]);
  // The meeting window is measured from the snapshot, so the agenda matches the board it shows.
  const asOf = snapshot.syncedAt ? new Date(snapshot.syncedAt) : buildNow();
  const since = defaultSince(asOf, snapshot.settings.cadenceDays);
  const guidance: GuidancePage[] = guidanceEntries.map(({ type, title, url, owner, lastReviewed }) => ({
    type,
    title,
    url,
    owner,
    lastReviewed,
  }));
  const sections = buildAgenda({
    items: snapshot.items,
    guidance,
    now: asOf,
    since,
    staleAfterDays: snapshot.settings.staleAfterDays,
    reviewIntervalDays: site.reviewIntervalDays,
  });
  return { snapshot, asOf, since, guidance, sections };
}

import type { APIRoute } from 'astro';
import { toBoardData } from '../../lib/board/data.ts';
import { getSnapshot } from '../../lib/content.ts';

/** Every board item without bodies, loaded by the board's filters and the agenda on demand. */
export const GET: APIRoute = async () => {
  const snapshot = await getSnapshot();
  const data = toBoardData(snapshot.items, snapshot.syncedAt, snapshot.settings.staleAfterDays);
  return new Response(JSON.stringify(data), { headers: { 'Content-Type': 'application/json' } });
};

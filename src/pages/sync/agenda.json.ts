import type { APIRoute } from 'astro';
import { buildAgendaData } from '../../lib/board/agenda-build.ts';

/** What the sync page loads to recompute the agenda for another last-meeting date. */
export const GET: APIRoute = async () =>
  new Response(JSON.stringify(await buildAgendaData()), { headers: { 'Content-Type': 'application/json' } });

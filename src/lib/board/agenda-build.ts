/** The build's agenda data: the bundled or synced snapshot and every guidance page. Server only. */
import { buildNow } from '../clock.ts';
import { getGuidance, getSnapshot } from '../content.ts';
import { agendaData, type AgendaData } from './agenda-data.ts';

export async function buildAgendaData(): Promise<AgendaData> {
  const [snapshot, guidance] = await Promise.all([getSnapshot(), getGuidance()]);
  return agendaData(snapshot, guidance, buildNow());
}

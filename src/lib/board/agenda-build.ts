/** The build's agenda data: the bundled or synced snapshot and every guidance page. Server only. */
import { buildNow } from '../clock.ts';
import { getGuidance, getSnapshot } from '../content.ts';
import { agendaData, type AgendaData } from './agenda-data.ts';

let data: Promise<AgendaData> | undefined;

/** Computed once per build: /sync/, agenda.md and agenda.json share it. */
export function buildAgendaData(): Promise<AgendaData> {
  data ??= Promise.all([getSnapshot(), getGuidance()]).then(([snapshot, guidance]) =>
    agendaData(snapshot, guidance, buildNow()),
  );
  return data;
}

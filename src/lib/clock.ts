/**
 * The build's notion of "now". Review flags and board ages depend on it, so tests and
 * reproducible builds can pin it with TANDEM_NOW (an ISO date-time).
 */
export function buildNow(env: Record<string, string | undefined> = process.env): Date {
  const pinned = env['TANDEM_NOW'];
  if (!pinned) return new Date();
  const date = new Date(pinned);
  if (Number.isNaN(date.getTime()))
    throw new Error(`TANDEM_NOW="${pinned}" is not a date; use e.g. 2026-11-25T12:00:00Z`);
  return date;
}

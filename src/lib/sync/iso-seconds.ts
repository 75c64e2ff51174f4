/** An ISO 8601 date-time to the second, as the snapshot stores times: `2026-11-25T10:00:00Z`. */
export const isoSeconds = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

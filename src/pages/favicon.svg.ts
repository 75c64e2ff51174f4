import type { APIRoute } from 'astro';

/** The site icon: two interlocking rings, the two teams in tandem. Served as a file, no public/ folder. */
const ICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><circle cx="12" cy="16" r="8" fill="none" stroke="#0b57b0" stroke-width="3"/><circle cx="20" cy="16" r="8" fill="none" stroke="#0d6148" stroke-width="3"/></svg>\n`;

export const GET: APIRoute = () => new Response(ICON, { headers: { 'Content-Type': 'image/svg+xml' } });

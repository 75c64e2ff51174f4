/** What leaves the page: clipboard, downloads, and the small browser-only values exports need. Shared by checklists, progress and the agenda. */

/** True when the text reached the clipboard; false where the browser refuses (insecure page, no permission). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export function downloadText(filename: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = Object.assign(document.createElement('a'), { href: url, download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** The reader's calendar date, YYYY-MM-DD, in their own time zone. */
export function localDate(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Unique enough within one browser; crypto.randomUUID needs a secure context, which an intranet host may not be. */
export const newRunId = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

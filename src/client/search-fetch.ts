/**
 * JSON fetched once per page and shared: search-intent.ts starts the manifest on intent and
 * the search code, loaded in parallel, picks up the same request. A failed fetch is
 * forgotten, so the next use tries again.
 */
const pending = new Map<string, Promise<unknown>>();

export function fetchJson(url: string): Promise<unknown> {
  let request = pending.get(url);
  if (!request) {
    request = fetch(url).then((response) => {
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      return response.json() as Promise<unknown>;
    });
    request.catch(() => pending.delete(url));
    pending.set(url, request);
  }
  return request;
}

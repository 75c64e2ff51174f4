import { SyncError } from './errors.ts';
import type { PageInfo } from './response.ts';

export interface Page<T> {
  items: T;
  pageInfo: PageInfo;
}

/**
 * Walks a cursor-paginated connection, one request per page. A page that says there is more
 * but hands back no cursor, or the cursor it was asked with, is an error rather than an
 * endless loop (plugin-paginate-graphql calls this MissingCursorChange).
 */
export async function* paginate<T>(
  fetchPage: (cursor: string | null) => Promise<Page<T>>,
): AsyncGenerator<T> {
  let cursor: string | null = null;
  for (;;) {
    const { items, pageInfo }: Page<T> = await fetchPage(cursor);
    yield items;
    if (!pageInfo.hasNextPage) return;
    if (!pageInfo.endCursor || pageInfo.endCursor === cursor) {
      throw new SyncError(
        'cursor',
        `GitHub said there were more pages but the cursor did not advance (${JSON.stringify(pageInfo.endCursor)}); stopped to avoid a loop`,
      );
    }
    cursor = pageInfo.endCursor;
  }
}

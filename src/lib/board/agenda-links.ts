/** The links an agenda carries, built the same way at build time and in the browser. Pure. */
import { path, routes } from '../paths.ts';
import type { AgendaLinks } from './agenda-view.ts';

/** Where the board's items come from, for listing closed ones on GitHub. */
export interface AgendaSources {
  /** GitHub's web origin, e.g. `https://github.com`. */
  webUrl: string;
  /** Repositories read by the last sync, `owner/name`. */
  repos: readonly string[];
  /** Labels that select an issue for the board. */
  labels: readonly string[];
}

export function agendaLinks(sources: AgendaSources): AgendaLinks {
  return {
    item: routes.boardItem,
    board: (query) => path(`/board/${query ? `?${query}` : ''}`),
    closedSince: (since) => {
      if (sources.repos.length === 0) return null;
      const labels = sources.labels.length ? ` label:${sources.labels.map(quote).join(',')}` : '';
      const q = `is:issue is:closed closed:>=${since}${labels} ${sources.repos.map((r) => `repo:${r}`).join(' ')}`;
      return `${sources.webUrl}/issues?${new URLSearchParams({ q })}`;
    },
  };
}

/** A label in GitHub's search syntax: quoted when it holds a space or a comma. */
const quote = (label: string) => (/[\s,"]/.test(label) ? `"${label.replace(/"/g, '')}"` : label);

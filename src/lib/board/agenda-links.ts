/** The links an agenda carries, built the same way at build time and in the browser. Pure. */
import { path, routes } from '../paths.ts';
import type { AgendaLinks } from './agenda-view.ts';

/** Where the board's items come from, for listing closed ones on GitHub. */
export interface AgendaSources {
  /** GitHub's web origin, e.g. `https://github.com`. */
  webUrl: string;
  /** Repositories read by the last sync as `repo:` sources, `owner/name`. */
  repos: readonly string[];
  /** Organisations read by the last sync as `org:` sources. */
  orgs?: readonly string[];
  /** Labels that select an issue for the board. */
  labels: readonly string[];
}

export function agendaLinks(sources: AgendaSources): AgendaLinks {
  return {
    item: routes.boardItem,
    board: (query) => path(`/board/${query ? `?${query}` : ''}`),
    closedSince: (since) => {
      const orgs = sources.orgs ?? [];
      if (sources.repos.length === 0 && orgs.length === 0) return null;
      const labels = sources.labels.length ? ` label:${sources.labels.map(quote).join(',')}` : '';
      const head = `is:issue is:closed closed:>=${since}${labels}`;
      let scope = [...orgs.map((o) => `org:${o}`), ...sources.repos.map((r) => `repo:${r}`)];
      // GitHub's search takes 256 characters at most: past that, search the owners instead.
      if (`${head} ${scope.join(' ')}`.length > MAX_SEARCH_LENGTH) {
        const owners = new Set(
          [...orgs, ...sources.repos.map((r) => r.split('/')[0]!)].map((o) => o.toLowerCase()),
        );
        scope = [...owners].map((owner) => `user:${owner}`);
      }
      const q = `${head} ${scope.join(' ')}`;
      return `${sources.webUrl}/issues?${new URLSearchParams({ q })}`;
    },
  };
}

/** GitHub refuses longer search queries. */
const MAX_SEARCH_LENGTH = 256;

/** A label in GitHub's search syntax: quoted when it holds a space or a comma. */
const quote = (label: string) => (/[\s,"]/.test(label) ? `"${label.replace(/"/g, '')}"` : label);

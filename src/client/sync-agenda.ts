/**
 * <sync-agenda>: the agenda for the date of the last meeting. The date lives in the URL
 * (/sync/?since=YYYY-MM-DD), so a reload or a shared link shows the same agenda; the agenda is
 * recomputed from /sync/agenda.json with the same pure functions the build uses, and copy,
 * download and print always carry what is on screen. Without JavaScript the page shows the
 * default agenda and the download link serves /sync/agenda.md.
 */
import { agendaFor, type AgendaData } from '../lib/board/agenda-data.ts';
import { agendaMarkdown } from '../lib/board/agenda-markdown.ts';
import { parseDay } from '../lib/board/agenda.ts';
import type { AgendaView } from '../lib/board/agenda-view.ts';
import { renderAgenda } from './agenda-render.ts';
import { copyText, downloadText } from './export.ts';

class SyncAgenda extends HTMLElement {
  #data: Promise<AgendaData> | undefined;
  /** The view on screen once the browser has computed one; null while the build's default shows. */
  #view: AgendaView | null = null;
  #since = '';
  #input!: HTMLInputElement;
  #status!: HTMLElement;

  connectedCallback() {
    const form = this.querySelector<HTMLFormElement>('[data-agenda-form]')!;
    this.#input = form.querySelector<HTMLInputElement>('input[name="since"]')!;
    this.#status = this.querySelector<HTMLElement>('[data-agenda-status]')!;
    this.#since = this.dataset['defaultSince']!;
    form.hidden = false;
    const recent = this.querySelector<HTMLElement>('[data-agenda-recent]');
    if (recent) recent.hidden = false;
    recent?.addEventListener('click', (e) => {
      const link = (e.target as Element).closest('a');
      if (!link) return;
      e.preventDefault();
      void this.#show(new URL(link.href).searchParams.get('since') ?? '', 'push');
    });
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.#show(this.#input.value, 'push');
    });
    form.querySelector('[data-copy]')!.addEventListener('click', () => void this.#copy());
    form.querySelector('[data-print]')!.addEventListener('click', () => print());
    this.querySelector('[data-download]')!.addEventListener('click', (e) => void this.#download(e));
    addEventListener('popstate', () => void this.#show(this.#fromUrl(), 'none'));
    const since = this.#fromUrl();
    if (since !== this.#since) void this.#show(since, 'none');
  }

  #fromUrl(): string {
    return new URLSearchParams(location.search).get('since') ?? this.dataset['defaultSince']!;
  }

  async #show(text: string, history: 'push' | 'none') {
    const since = parseDay(text.trim());
    this.#input.value = text.trim();
    if (!since) {
      this.#status.textContent = `"${text.slice(0, 40)}" is not a date; enter the last meeting as YYYY-MM-DD.`;
      return;
    }
    let data: AgendaData;
    try {
      data = await this.#load();
    } catch {
      this.#status.textContent = 'The board data could not be loaded; the agenda shows the default date.';
      return;
    }
    const asOf = data.asOf.slice(0, 10);
    if (text > asOf) {
      this.#status.textContent = `The last meeting cannot be after the board's snapshot of ${asOf}; pick an earlier date.`;
      return;
    }
    const { view } = agendaFor(data, since);
    this.#since = text;
    this.#view = view;
    if (history === 'push') {
      const url = new URL(location.href);
      url.searchParams.set('since', text);
      window.history.pushState(null, '', url);
    }
    this.querySelector('[data-agenda-summary]')!.textContent = view.summary;
    this.querySelector('[data-agenda]')!.replaceChildren(...renderAgenda(view));
    const link = this.querySelector<HTMLAnchorElement>('[data-download]')!;
    link.download = `agenda-since-${text}.md`;
    this.#status.textContent = `Agenda for changes since ${text}.`;
  }

  #load(): Promise<AgendaData> {
    this.#data ??= fetch(this.dataset['src']!).then((r) =>
      r.ok ? (r.json() as Promise<AgendaData>) : Promise.reject(new Error(String(r.status))),
    );
    this.#data.catch(() => (this.#data = undefined));
    return this.#data;
  }

  /** The Markdown of what is on screen: the build's default view is recomputed from the same data. */
  async #markdown(): Promise<string> {
    const data = await this.#load();
    const view = this.#view ?? agendaFor(data, parseDay(this.#since)!).view;
    const base = this.dataset['siteUrl'] || location.origin;
    return agendaMarkdown(view, { sample: data.sample, absolute: (href) => new URL(href, base).href });
  }

  async #copy() {
    try {
      const copied = await copyText(await this.#markdown());
      this.#status.textContent = copied
        ? 'Agenda copied as Markdown.'
        : 'Copying is blocked in this browser; use "Download this agenda as Markdown" instead.';
    } catch {
      this.#status.textContent = 'The board data could not be loaded; nothing was copied.';
    }
  }

  async #download(event: Event) {
    event.preventDefault();
    const link = event.currentTarget as HTMLAnchorElement;
    try {
      downloadText(`agenda-since-${this.#since}.md`, 'text/markdown', await this.#markdown());
      this.#status.textContent = `Agenda since ${this.#since} downloaded.`;
    } catch {
      // The static file still has the default agenda, which is what is on screen when nothing loaded.
      if (this.#view === null) location.href = link.href;
      else this.#status.textContent = 'The agenda could not be prepared for download; try again.';
    }
  }
}

customElements.define('sync-agenda', SyncAgenda);

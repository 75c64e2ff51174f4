/**
 * <sync-agenda>: lets the reader pick the date of the last meeting and recomputes the agenda in
 * the browser from items.json, with the same pure functions the build uses. Copy and download
 * produce the same Markdown as /sync/agenda.md. Untrusted text only through textContent.
 */
import { agendaMarkdown } from '../lib/board/agenda-markdown.ts';
import { buildAgenda, type AgendaSection, type GuidancePage } from '../lib/board/agenda.ts';
import type { BoardData } from '../lib/board/data.ts';
import { ownerLabel } from '../lib/format.ts';
import { copyText, downloadText } from './export.ts';
import type { BoardItem } from '../schemas/board-item.ts';
import { el } from './dom.ts';

class SyncAgenda extends HTMLElement {
  #items: Promise<BoardItem[]> | undefined;
  #sections: AgendaSection[] | undefined;
  #since!: Date;

  connectedCallback() {
    const form = this.querySelector<HTMLFormElement>('[data-agenda-form]')!;
    const input = form.querySelector<HTMLInputElement>('input[name="since"]')!;
    const status = this.querySelector<HTMLElement>('[data-agenda-status]')!;
    form.hidden = false;
    this.#since = new Date(`${input.value}T00:00:00Z`);

    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const since = new Date(`${input.value}T00:00:00Z`);
      if (Number.isNaN(since.getTime())) {
        status.textContent = 'Pick a valid date.';
        return;
      }
      try {
        await this.#recompute(since);
        status.textContent = `Agenda updated for changes since ${input.value}.`;
      } catch {
        status.textContent = 'The board data could not be loaded; the agenda shows the default window.';
      }
    });
    form.querySelector('[data-copy]')!.addEventListener('click', async () => {
      status.textContent = (await copyText(await this.#markdown()))
        ? 'Agenda copied as Markdown.'
        : 'Copying is blocked in this browser; use "Download Markdown" instead.';
    });
    form.querySelector('[data-download]')!.addEventListener('click', async () => {
      downloadText(
        `agenda-${this.#since.toISOString().slice(0, 10)}.md`,
        'text/markdown',
        await this.#markdown(),
      );
      status.textContent = 'Agenda downloaded.';
    });
    form.querySelector('[data-print]')!.addEventListener('click', () => print());
  }

  #loadItems(): Promise<BoardItem[]> {
    this.#items ??= fetch(this.dataset['src']!)
      .then((r) => (r.ok ? (r.json() as Promise<BoardData>) : Promise.reject(new Error(String(r.status)))))
      .then((data) => data.items as BoardItem[]);
    this.#items.catch(() => (this.#items = undefined));
    return this.#items;
  }

  async #compute(since: Date): Promise<AgendaSection[]> {
    return buildAgenda({
      items: await this.#loadItems(),
      guidance: JSON.parse(this.dataset['guidance'] ?? '[]') as GuidancePage[],
      now: new Date(this.dataset['asOf']!),
      since,
      staleAfterDays: Number(this.dataset['staleDays']),
      reviewIntervalDays: Number(this.dataset['reviewDays']),
    });
  }

  async #markdown(): Promise<string> {
    this.#sections ??= await this.#compute(this.#since);
    return agendaMarkdown(this.#sections, {
      since: this.#since,
      asOf: new Date(this.dataset['asOf']!),
      sample: this.dataset['sample'] === 'true',
      siteUrl: this.dataset['siteUrl']!,
    });
  }

  async #recompute(since: Date) {
    const sections = await this.#compute(since);
    this.#since = since;
    this.#sections = sections;
    const sinceText = this.querySelector<HTMLElement>('[data-since-text]');
    if (sinceText) sinceText.textContent = since.toISOString().slice(0, 10);
    const itemBase = this.dataset['src']!.replace(/items\.json$/, '');
    const parts = sections.map((s, n) => {
      const list =
        s.items.length === 0
          ? el('p', { className: 'muted' }, 'Nothing this time.')
          : el(
              'ul',
              {},
              ...(s.kind === 'risks'
                ? s.items.map((i) => {
                    const [owner, repo] = i.repo.split('/');
                    return el(
                      'li',
                      {},
                      el(
                        'a',
                        { href: `${itemBase}${owner}/${repo}/${i.number}/`, dir: 'auto' },
                        i.title || '(no title)',
                      ),
                      ' ',
                      el(
                        'span',
                        { className: 'muted' },
                        `${i.repo}#${i.number} · ${i.severity} · ${ownerLabel(i.owner)}`,
                      ),
                    );
                  })
                : s.items.map((g) =>
                    el(
                      'li',
                      {},
                      el('a', { href: g.url }, g.title),
                      ' ',
                      el(
                        'span',
                        { className: 'muted' },
                        `${g.type} · ${ownerLabel(g.owner)} · reviewed ${g.lastReviewed}`,
                      ),
                    ),
                  )),
            );
      const heading = el(
        'h2',
        { id: s.id },
        `${n + 1}. ${s.title} `,
        el('span', { className: 'muted' }, `(${s.items.length})`),
      );
      const section = el('section', { className: 'agenda-section' }, heading, list);
      section.setAttribute('aria-labelledby', s.id);
      return section;
    });
    const toc = el(
      'nav',
      { className: 'no-print' },
      el('h2', { id: 'agenda-toc' }, 'Agenda'),
      el(
        'ol',
        {},
        ...sections.map((s) => el('li', {}, el('a', { href: `#${s.id}` }, s.title), ` (${s.items.length})`)),
      ),
    );
    toc.setAttribute('aria-labelledby', 'agenda-toc');
    this.querySelector('[data-agenda-sections]')!.replaceChildren(toc, ...parts);
  }
}

customElements.define('sync-agenda', SyncAgenda);

/**
 * <checklist-run>: progressive enhancement of the plain checklist rendered by
 * ChecklistItems.astro. Shows each item's answer controls and the run panel, counts progress
 * per section in the sticky summary (with "Hide completed" and a saved indicator), asks for a
 * reason before "Not applicable" counts, keeps named runs
 * in localStorage (src/lib/checklist-run-store.ts documents the stored shape), marks items that
 * are new since a run began, and exports a run as Markdown: copy, download, or a prefilled
 * GitHub issue, falling back to the clipboard when the issue URL would be too long.
 */
import {
  answerItem,
  answerOf,
  isSettled,
  markUpToDate,
  needsReason,
  REASON_HINT,
  runChanges,
  sectionProgress,
  settledStatus,
  STATUS_LABELS,
  summarizeRun,
  summaryText,
} from '../lib/checklist-answers.ts';
import { runFileName, runIssueTitle, runMarkdown } from '../lib/checklist-markdown.ts';
import { outlineItemIds, type ChecklistOutline } from '../lib/checklist-outline.ts';
import { runStoreKey, type ItemAnswer, type ItemStatus, type RunStore } from '../lib/checklist-run-store.ts';
import {
  activeRun,
  createRun,
  defaultRunName,
  deleteRun,
  renameRun,
  switchRun,
  type ChecklistShape,
} from '../lib/checklist-runs.ts';
import { issueLink, type IssueTarget } from '../lib/issue-url.ts';
import { copyText, downloadText, localDate, newRunId } from './export.ts';
import { loadRuns, saveRuns } from './checklist-storage.ts';

const q = <T extends Element>(root: ParentNode, selector: string) => root.querySelector<T>(selector)!;

class ChecklistRunElement extends HTMLElement {
  #outline!: ChecklistOutline;
  /** Null when no repository is configured; the page then has no "Open as GitHub issue". */
  #target: IssueTarget | null = null;
  #shape!: ChecklistShape;
  #store!: RunStore;
  #saveFailed = false;
  #savedTimer: ReturnType<typeof setTimeout> | undefined;
  #pointerDown = false;
  #hidePending = false;

  connectedCallback() {
    const outline = JSON.parse(this.dataset['outline'] ?? '{}') as ChecklistOutline;
    // The build leaves the checklist's URL site-relative when it does not know the site's URL.
    this.#outline = { ...outline, url: new URL(outline.url, location.href).href };
    const target = this.dataset['issueTarget'];
    this.#target = target ? (JSON.parse(target) as IssueTarget) : null;
    this.#shape = { version: this.#outline.version, itemIds: outlineItemIds(this.#outline) };
    this.#store = this.#withRun(loadRuns(this.#outline.id));
    this.querySelectorAll<HTMLElement>(
      '[data-run-panel], [data-answer], [data-run-end], [data-hide-completed-field]',
    ).forEach((el) => (el.hidden = false));
    this.#render();
    // Jump links land below the sticky summary, however tall it wraps.
    const summary = q<HTMLElement>(this, '[data-summary]');
    const root = document.documentElement;
    new ResizeObserver(() => root.style.setProperty('--summary-height', `${summary.offsetHeight}px`)).observe(
      summary,
    );

    this.addEventListener('change', (e) => this.#onChange(e.target as HTMLElement));
    this.addEventListener('input', (e) => this.#onInput(e.target as HTMLElement));
    this.addEventListener('click', (e) => {
      const toggle = (e.target as HTMLElement).closest<HTMLButtonElement>('[data-note-toggle]');
      if (toggle) this.#toggleNote(toggle);
    });
    // An item answered while "Hide completed" is on stays until focus leaves it; when a click
    // moves focus, it goes once the click is over, so the page does not shift under the pointer.
    this.addEventListener('focusout', (e) => {
      const item = (e.target as HTMLElement).closest<HTMLElement>('[data-item-id]');
      if (!item || item.contains(e.relatedTarget as Node | null)) return;
      if (this.#pointerDown) this.#hidePending = true;
      else this.#renderHidden();
    });
    document.addEventListener('pointerdown', () => (this.#pointerDown = true), true);
    document.addEventListener(
      'pointerup',
      () => {
        this.#pointerDown = false;
        if (!this.#hidePending) return;
        this.#hidePending = false;
        setTimeout(() => this.#renderHidden(), 0);
      },
      true,
    );
    q<HTMLFormElement>(this, '[data-run-form]').addEventListener('submit', (e) => {
      e.preventDefault();
      this.#create();
    });
    q(this, '[data-run-rename]').addEventListener('click', () => this.#rename());
    q(this, '[data-run-delete]').addEventListener('click', () => this.#delete());
    q(this, '[data-mark-up-to-date]').addEventListener('click', () => this.#markUpToDate());
    q(this, '[data-run-preview]').addEventListener('toggle', () => this.#renderPreview());
    this.querySelectorAll<HTMLButtonElement>('[data-export]').forEach((b) =>
      b.addEventListener('click', () => void this.#export(b.dataset['export']!)),
    );
    // Another tab changed the runs of this checklist: show what it saved.
    window.addEventListener('storage', (e) => {
      if (e.key !== runStoreKey(this.#outline.id)) return;
      this.#store = this.#withRun(loadRuns(this.#outline.id));
      this.#render();
    });
  }

  get #run() {
    return activeRun(this.#store)!;
  }

  /** There is always a run to answer in; a first "Run 1" is only saved once something is answered. */
  #withRun(store: RunStore): RunStore {
    if (store.runs.length > 0) return store;
    const result = createRun(store, defaultRunName(store), newRunId(), this.#shape, new Date());
    return result.ok ? result.store : store;
  }

  #commit(store: RunStore) {
    this.#store = store;
    const saved = saveRuns(this.#outline.id, store);
    this.#showSaved(saved);
    if (!saved && !this.#saveFailed) {
      this.#saveFailed = true;
      this.#say(
        'This browser would not save your answers (storage is full or turned off). Export the run before you leave the page.',
      );
    }
  }

  /** The saved indicator: once changes pause, when they were saved (announced politely), or that they were not. */
  #showSaved(saved: boolean) {
    const indicator = q<HTMLElement>(this, '[data-saved]');
    clearTimeout(this.#savedTimer);
    indicator.dataset['state'] = saved ? 'saving' : 'failed';
    if (!saved) {
      indicator.textContent = 'Not saved in this browser';
      return;
    }
    this.#savedTimer = setTimeout(() => {
      const time = new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
      indicator.dataset['state'] = 'saved';
      indicator.textContent = `Saved in this browser at ${time}`;
    }, 400);
  }

  #toggleNote(toggle: HTMLButtonElement) {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    const field = this.querySelector<HTMLElement>(`#${toggle.getAttribute('aria-controls')}`)!;
    toggle.setAttribute('aria-expanded', String(open));
    field.hidden = !open;
    if (open) q<HTMLTextAreaElement>(field, '[data-note-input]').focus();
  }

  #say(text: string, link?: { href: string; text: string }) {
    const status = q<HTMLElement>(this, '[data-run-status]');
    status.textContent = text;
    if (link) {
      const a = Object.assign(document.createElement('a'), {
        href: link.href,
        target: '_blank',
        rel: 'noopener',
        textContent: link.text,
      });
      status.append(' ', a, '.');
    }
  }

  #onChange(target: HTMLElement) {
    const item = target.closest<HTMLElement>('[data-item-id]');
    if (item && target.matches('[data-status-input]')) {
      this.#answer(item, { status: (target as HTMLInputElement).value as ItemStatus });
    } else if (target.matches('[data-hide-completed]')) {
      this.toggleAttribute('data-hide-completed', (target as HTMLInputElement).checked);
      this.#renderHidden();
    } else if (target.matches('[data-run-select]')) {
      this.#commit(switchRun(this.#store, (target as HTMLSelectElement).value));
      this.#render();
      this.#say(`Showing the run “${this.#run.name}”.`);
    }
  }

  #onInput(target: HTMLElement) {
    const item = target.closest<HTMLElement>('[data-item-id]');
    if (!item) return;
    const value = (target as HTMLInputElement | HTMLTextAreaElement).value;
    if (target.matches('[data-reason-input]')) this.#answer(item, { reason: value });
    else if (target.matches('[data-note-input]')) this.#answer(item, { note: value });
  }

  #answer(item: HTMLElement, change: Partial<ItemAnswer>) {
    this.#commit(answerItem(this.#store, this.#run.id, item.dataset['itemId']!, change, new Date()));
    this.#renderItem(item, new Set(runChanges(this.#run, this.#shape).newItems));
    this.#renderSummary();
    this.#renderHidden();
  }

  #nameInput() {
    return q<HTMLInputElement>(this, '[data-run-name]');
  }

  #create() {
    const input = this.#nameInput();
    const result = createRun(
      this.#store,
      input.value.trim() || defaultRunName(this.#store),
      newRunId(),
      this.#shape,
      new Date(),
    );
    if (!result.ok) {
      this.#say(result.error);
      input.focus();
      return;
    }
    this.#commit(result.store);
    input.value = '';
    this.#render();
    this.#say(`Started the run “${result.run.name}”. Every item is open.`);
  }

  #rename() {
    const input = this.#nameInput();
    const result = input.value.trim()
      ? renameRun(this.#store, this.#run.id, input.value, new Date())
      : { ok: false as const, error: 'Type the new name in “Run name” first.' };
    if (!result.ok) {
      this.#say(result.error);
      input.focus();
      return;
    }
    this.#commit(result.store);
    input.value = '';
    this.#render();
    this.#say(`Renamed the run to “${result.run.name}”.`);
  }

  #delete() {
    const name = this.#run.name;
    if (!confirm(`Delete the run “${name}” and all its answers? This cannot be undone.`)) return;
    this.#commit(this.#withRun(deleteRun(this.#store, this.#run.id)));
    this.#render();
    this.#say(`Deleted the run “${name}”. Showing “${this.#run.name}”.`);
  }

  #markUpToDate() {
    this.#commit(markUpToDate(this.#store, this.#run.id, this.#shape, new Date()));
    this.#render();
    this.#say(
      `The run “${this.#run.name}” is now up to date with the checklist as updated on ${this.#outline.updated}.`,
    );
    q<HTMLElement>(this, '#run-panel-heading').focus();
  }

  #markdown() {
    return runMarkdown(this.#outline, this.#run, localDate());
  }

  async #export(kind: string) {
    const run = this.#run;
    const markdown = this.#markdown();
    if (kind === 'download') {
      const filename = runFileName(this.#outline, run, localDate());
      downloadText(filename, 'text/markdown', markdown);
      return this.#say(`Downloaded ${filename}.`);
    }
    if (kind === 'issue' && this.#target) {
      const link = issueLink(this.#target, {
        title: runIssueTitle(this.#outline, run, localDate()),
        body: markdown,
      });
      if (link.fits) {
        window.open(link.url, '_blank', 'noopener');
        return this.#say('Opened a prefilled GitHub issue in a new tab. Check it there and submit it.');
      }
      const copied = await this.#copy(markdown);
      const size = `${link.length.toLocaleString('en')} characters; browsers accept about ${link.limit.toLocaleString('en')}`;
      return this.#say(
        `This run is too long to prefill an issue (${size}). ${copied ? 'Its Markdown is on your clipboard: paste' : 'Copy its Markdown, selected below, then paste'} it into the description of a`,
        { href: link.url, text: 'new GitHub issue (opens in a new tab)' },
      );
    }
    this.#say(
      (await this.#copy(markdown))
        ? `Copied the Markdown of “${run.name}”.`
        : 'Your browser would not copy. The Markdown is selected below: press Ctrl+C (⌘C on a Mac).',
    );
  }

  /** Copies, or opens the preview with the Markdown selected so the reader can copy it. */
  async #copy(markdown: string): Promise<boolean> {
    if (await copyText(markdown)) return true;
    const preview = q<HTMLDetailsElement>(this, '[data-run-preview]');
    preview.open = true;
    const area = q<HTMLTextAreaElement>(this, '[data-run-markdown]');
    area.value = markdown;
    area.focus();
    area.select();
    return false;
  }

  #render() {
    const select = q<HTMLSelectElement>(this, '[data-run-select]');
    select.replaceChildren(
      ...this.#store.runs.map((r) => new Option(r.name, r.id, false, r.id === this.#run.id)),
    );
    const changes = runChanges(this.#run, this.#shape);
    const fresh = new Set(changes.newItems);
    this.querySelectorAll<HTMLElement>('[data-item-id]').forEach((item) => {
      const answer = answerOf(this.#run, item.dataset['itemId']!);
      item
        .querySelectorAll<HTMLInputElement>('[data-status-input]')
        .forEach((r) => (r.checked = r.value === answer.status));
      q<HTMLInputElement>(item, '[data-reason-input]').value = answer.reason;
      q<HTMLTextAreaElement>(item, '[data-note-input]').value = answer.note;
      // A note already written is shown; an empty one stays behind its toggle.
      const toggle = q<HTMLButtonElement>(item, '[data-note-toggle]');
      const noteOpen = answer.note !== '' || toggle.getAttribute('aria-expanded') === 'true';
      toggle.setAttribute('aria-expanded', String(noteOpen));
      q<HTMLElement>(item, '[data-note-field]').hidden = !noteOpen;
      this.#renderItem(item, fresh);
    });
    const notice = q<HTMLElement>(this, '[data-version-notice]');
    notice.hidden = !changes.changed;
    const count = changes.newItems.length;
    q(this, '[data-version-text]').textContent =
      `The checklist changed after this run began (it was updated on ${this.#outline.updated}). ` +
      (count
        ? `${count} item${count === 1 ? ' is' : 's are'} new since then, marked “New since this run began”.`
        : 'No items are new, but some were reworded.');
    this.#renderSummary();
    this.#renderHidden();
  }

  /** The parts of one item that follow its answer: status styling, reason field, "new" badge, print line. */
  #renderItem(item: HTMLElement, fresh: Set<string>) {
    const id = item.dataset['itemId']!;
    const answer = answerOf(this.#run, id);
    const pending = needsReason(answer);
    item.dataset['status'] = pending ? 'na-pending' : settledStatus(answer);
    item.toggleAttribute('data-settled', isSettled(answer));
    q<HTMLElement>(item, '[data-reason-field]').hidden = answer.status !== 'na';
    const reason = q<HTMLInputElement>(item, '[data-reason-input]');
    if (pending) reason.setAttribute('aria-invalid', 'true');
    else reason.removeAttribute('aria-invalid');
    q(item, '[data-reason-hint]').textContent = pending ? REASON_HINT.missing : REASON_HINT.ask;
    q<HTMLElement>(item, '[data-new-badge]').hidden = !fresh.has(id);
    const printed = [
      answer.status === 'na'
        ? `${STATUS_LABELS.na}${answer.reason ? `: ${answer.reason}` : ' (reason missing)'}`
        : '',
      answer.note ? `Note: ${answer.note}` : '',
    ];
    q(item, '[data-print-answer]').textContent = printed.filter(Boolean).join(' · ');
  }

  #renderSummary() {
    const summary = summarizeRun(this.#run, this.#shape.itemIds);
    const counts = summaryText(summary);
    q(this, '[data-run-summary]').textContent = `“${this.#run.name}”: ${counts}.`;
    q(this, '[data-print-run]').textContent = `Run: ${this.#run.name} · ${counts} · ${localDate()}`;
    const settled = summary.done + summary.na;
    q(this, '[data-summary-total]').textContent = `${settled} of ${summary.total} settled`;
    for (const section of sectionProgress(this.#run, this.#outline.sections)) {
      const link = q<HTMLAnchorElement>(this, `[data-summary-link="${section.id}"]`);
      q(link, '[data-summary-count]').textContent = `${section.settled}/${section.total}`;
      link.toggleAttribute('data-complete', section.settled === section.total);
      link.setAttribute(
        'aria-label',
        `${section.title}: ${section.settled} of ${section.total} done or not applicable`,
      );
    }
    this.#renderPreview();
  }

  /** With "Hide completed" on, settled items are hidden, except the one the reader is in. */
  #renderHidden() {
    const hiding = this.hasAttribute('data-hide-completed');
    this.querySelectorAll<HTMLElement>('[data-section-id]').forEach((section) => {
      let shown = 0;
      section.querySelectorAll<HTMLElement>('[data-item-id]').forEach((item) => {
        const hide = hiding && item.hasAttribute('data-settled') && !item.contains(document.activeElement);
        item.hidden = hide;
        if (!hide) shown += 1;
      });
      q<HTMLElement>(section, '[data-section-settled]').hidden = !hiding || shown > 0;
    });
  }

  #renderPreview() {
    if (q<HTMLDetailsElement>(this, '[data-run-preview]').open)
      q<HTMLTextAreaElement>(this, '[data-run-markdown]').value = this.#markdown();
  }
}

customElements.define('checklist-run', ChecklistRunElement);

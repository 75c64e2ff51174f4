/**
 * <risk-workshop>: the joint risk assessment workshop (/assess/). Keeps several named
 * assessments in localStorage (src/lib/assess/assessment-store.ts documents the shape), opens a
 * shared one from the URL fragment or the worked example from `?example` without saving either
 * until asked, and draws one step at a time (src/client/assess-steps.ts; the register and its
 * exports load when the register is opened).
 */
import {
  newAssessment,
  reviewThreats,
  setStep,
  STEPS,
  type Assessment,
  type LibraryThreat,
  type Step,
} from '../lib/assess/assessment.ts';
import {
  current,
  exportJson,
  importJson,
  parseStore,
  removeAssessment,
  serialiseStore,
  STORE_KEY,
  uniqueName,
  upsert,
  type AssessmentStore,
} from '../lib/assess/assessment-store.ts';
import { decodeShare, shareUrl } from '../lib/assess/share-link.ts';
import type { ControlCatalogue } from '../lib/assess/to-entry.ts';
import { fileSlug } from '../lib/assess/names.ts';
import { el } from './dom.ts';
import { copyText, downloadText, localDate } from './export.ts';
import { readStorage, writeStorage } from './storage.ts';
import { renderStep, type StepContext } from './assess-steps.ts';

export interface WorkshopConfig {
  threats: LibraryThreat[];
  catalogue: ControlCatalogue;
  /** Web URL of the repository risks are filed in; null: the register asks for one. */
  repository: string | null;
  /** The site's absolute URL, for links back to the guidance; null: the page's own address. */
  siteUrl: string | null;
}

/** Where the assessment on screen lives: saved in this browser, or a preview not yet saved. */
type Mode = 'saved' | 'example' | 'shared';

const q = <T extends Element>(root: ParentNode, selector: string) => root.querySelector<T>(selector)!;
const now = () => new Date().toISOString();

class RiskWorkshop extends HTMLElement {
  #config!: WorkshopConfig;
  #store!: AssessmentStore;
  #mode: Mode = 'saved';
  /** The assessment on screen when it is a preview (example, share link). */
  #preview: Assessment | null = null;

  async connectedCallback() {
    this.#config = JSON.parse(this.dataset['config'] ?? '{}') as WorkshopConfig;
    const loaded = parseStore(readStorage(STORE_KEY));
    this.#store = loaded.value;
    if (loaded.notice) {
      this.#notice(loaded.notice);
      // Replace what could not be read, so the notice shows once.
      writeStorage(STORE_KEY, serialiseStore(this.#store));
    }
    q<HTMLElement>(this, '[data-workshop]').hidden = false;
    this.#wire();
    await this.#openFromAddress();
    this.#render();
  }

  /** The assessment on screen; a fresh one is created (not yet saved) when there is none. */
  get assessment(): Assessment {
    if (this.#preview) return this.#preview;
    const saved = current(this.#store);
    if (saved) return saved;
    const fresh = newAssessment(`Assessment of ${localDate()}`, now());
    this.#store = upsert(this.#store, fresh);
    return fresh;
  }

  async #openFromAddress() {
    if (location.hash.startsWith('#share=')) {
      const shared = await decodeShare(location.hash, this.#config.threats);
      if (shared.ok) {
        this.#preview = shared.assessment;
        this.#mode = 'shared';
      } else this.#notice(`The share link could not be opened: ${shared.error}`);
      return;
    }
    if (new URLSearchParams(location.search).has('example')) {
      const { exampleAssessment } = await import('../lib/assess/example.ts');
      this.#preview = setStep(exampleAssessment(this.#config.threats, now()), 'register', now());
      this.#mode = 'example';
    }
  }

  #wire() {
    q(this, '[data-select]').addEventListener('change', (e) => {
      const id = (e.target as HTMLSelectElement).value;
      this.#leavePreview();
      this.#store = { ...this.#store, currentId: id };
      this.#save();
      this.#render();
    });
    q(this, '[data-new]').addEventListener('click', () => {
      this.#leavePreview();
      const name = uniqueName(this.#store, `Assessment of ${localDate()}`);
      this.#store = upsert(this.#store, newAssessment(name, now()));
      this.#save();
      this.#render('describe');
      this.#status(`Started “${name}”.`);
    });
    q(this, '[data-delete]').addEventListener('click', () => this.#delete());
    q(this, '[data-keep]').addEventListener('click', () => this.#keep());
    q(this, '[data-export-file]').addEventListener('click', () => {
      const a = this.assessment;
      downloadText(`${fileSlug(a.name)}.assessment.json`, 'application/json', exportJson(a, now()));
      this.#status(`Exported “${a.name}” as a file.`);
    });
    q<HTMLInputElement>(this, '[data-import]').addEventListener('change', (e) =>
      this.#import(e.target as HTMLInputElement),
    );
    q(this, '[data-share]').addEventListener('click', () => this.#share());
    this.querySelectorAll<HTMLButtonElement>('[data-step]').forEach((button) =>
      button.addEventListener('click', () => this.goTo(button.dataset['step'] as Step)),
    );
  }

  /** Moves to a step; leaving the description re-selects the threats its profile implies. */
  goTo(step: Step) {
    this.update((a) => {
      const reviewed = step !== 'describe' ? reviewThreats(a, this.#config.threats, now()) : a;
      return setStep(reviewed, step, now());
    });
    this.#render(step);
  }

  /**
   * Applies a change. Saved assessments are written at once; a preview changes on screen only.
   * `redraw` redraws the step (and moves focus to the element with `data-key` = focusKey).
   */
  update(change: (a: Assessment) => Assessment, redraw?: { focusKey?: string }) {
    const next = change(this.assessment);
    if (this.#preview) this.#preview = next;
    else {
      this.#store = upsert(this.#store, next);
      this.#save();
    }
    this.#drawBar();
    if (redraw) this.#drawPanel(redraw.focusKey);
  }

  #render(focusStep?: Step) {
    this.#drawBar();
    this.#drawPanel(undefined, focusStep !== undefined);
  }

  #drawBar() {
    const a = this.assessment;
    const select = q<HTMLSelectElement>(this, '[data-select]');
    const options = this.#store.assessments.map((s) =>
      el('option', { value: s.id, selected: !this.#preview && s.id === a.id }, s.name || 'Untitled'),
    );
    if (this.#preview)
      options.unshift(el('option', { value: '', selected: true, disabled: true }, `${a.name} (not saved)`));
    select.replaceChildren(...options);
    q<HTMLButtonElement>(this, '[data-delete]').disabled = this.#preview !== null;
    const banner = q<HTMLElement>(this, '[data-banner]');
    banner.hidden = this.#mode === 'saved';
    q(this, '[data-banner-text]').textContent =
      this.#mode === 'example'
        ? 'This is the worked example: an LLM support assistant answering from customer tickets, with a refund tool, rated by both teams. Changes you make here are not saved.'
        : this.#mode === 'shared'
          ? `Opened from a share link: “${a.name}”. It is not saved in this browser yet.`
          : '';
    q<HTMLElement>(this, '[data-example-link]').hidden = this.#mode === 'example';
    this.querySelectorAll<HTMLButtonElement>('[data-step]').forEach((button) => {
      if (button.dataset['step'] === a.step) button.setAttribute('aria-current', 'step');
      else button.removeAttribute('aria-current');
    });
  }

  #drawPanel(focusKey?: string, focusHeading = false) {
    const panel = q<HTMLElement>(this, '[data-panel]');
    const context: StepContext = {
      assessment: this.assessment,
      assessmentNow: () => this.assessment,
      config: this.#config,
      update: (change, redraw) => this.update(change, redraw),
      goTo: (step) => this.goTo(step),
      status: (text) => this.#status(text),
    };
    const index = STEPS.indexOf(this.assessment.step);
    void renderStep(context).then((content) => {
      panel.replaceChildren(content);
      const target = focusKey && panel.querySelector<HTMLElement>(`[data-key="${CSS.escape(focusKey)}"]`);
      if (target) target.focus();
      else if (focusHeading) panel.querySelector<HTMLElement>('h2')?.focus();
      panel.dataset['step'] = String(index + 1);
    });
  }

  #save() {
    if (!writeStorage(STORE_KEY, serialiseStore(this.#store)))
      this.#notice(
        'This browser would not save the assessment (storage is full or turned off). Export a file to keep your work.',
      );
  }

  /** Turns the preview into a saved assessment (a fresh id, a name no other assessment has). */
  #keep() {
    if (!this.#preview) return;
    const kept = {
      ...this.#preview,
      id: newAssessment('', now()).id,
      name: uniqueName(this.#store, this.#preview.name),
    };
    this.#preview = null;
    this.#mode = 'saved';
    this.#store = upsert(this.#store, kept);
    this.#save();
    history.replaceState(null, '', location.pathname);
    this.#render();
    this.#status(`Saved “${kept.name}” in this browser.`);
    q<HTMLElement>(this, '[data-select]').focus();
  }

  #leavePreview() {
    if (!this.#preview) return;
    this.#preview = null;
    this.#mode = 'saved';
    history.replaceState(null, '', location.pathname);
  }

  #delete() {
    const a = this.assessment;
    if (!confirm(`Delete “${a.name}” from this browser? Export it first to keep a copy.`)) return;
    this.#store = removeAssessment(this.#store, a.id);
    this.#save();
    this.#render();
    this.#status(`Deleted “${a.name}”.`);
  }

  async #import(input: HTMLInputElement) {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const result = importJson(await file.text());
    if (!result.ok) {
      this.#status(`Could not import ${file.name}: ${result.error}`);
      return;
    }
    this.#leavePreview();
    const name = uniqueName(this.#store, result.assessment.name);
    const taken = this.#store.assessments.some((s) => s.id === result.assessment.id);
    const imported = {
      ...result.assessment,
      name,
      id: taken ? newAssessment('', now()).id : result.assessment.id,
    };
    this.#store = upsert(this.#store, imported);
    this.#save();
    this.#render();
    this.#status(`Imported “${name}”.${result.notice ? ` ${result.notice}` : ''}`);
  }

  async #share() {
    const page = `${location.origin}${location.pathname}`;
    const result = await shareUrl(this.assessment, page, this.#config.threats);
    if (!result.ok) {
      this.#status(result.message);
      return;
    }
    const copied = await copyText(result.url);
    this.#status(
      copied
        ? 'Share link copied. Anyone who opens it sees this assessment; nothing is sent to a server.'
        : 'The browser would not copy; select the link below and copy it.',
    );
    if (!copied) {
      const field = el('input', {
        type: 'text',
        readOnly: true,
        value: result.url,
        className: 'share-field',
      });
      field.setAttribute('aria-label', 'Share link');
      q(this, '[data-status]').append(' ', field);
      field.select();
    }
  }

  #status(text: string) {
    q(this, '[data-status]').textContent = text;
  }

  #notice(text: string) {
    const notice = q<HTMLElement>(this, '[data-notice]');
    notice.textContent = text;
    notice.hidden = false;
  }
}

customElements.define('risk-workshop', RiskWorkshop);

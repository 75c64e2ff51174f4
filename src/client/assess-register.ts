/**
 * The workshop's last step, loaded when opened: every accepted risk with its ratings, owner,
 * phases, tags and controls, a "File as GitHub issue" link per risk that carries the board's
 * labels, and the exports (Markdown, JSON, a `gh` script that files them all, print).
 */
import { awaitingRating, register as acceptedRisks, type Assessment } from '../lib/assess/assessment.ts';
import { ghScript } from '../lib/assess/gh-script.ts';
import { issueLink } from '../lib/assess/issue-link.ts';
import { boardLabels } from '../lib/assess/register-labels.ts';
import { registerJson } from '../lib/assess/register-json.ts';
import { registerMarkdown } from '../lib/assess/register-markdown.ts';
import type { RegisterEntry } from '../lib/assess/register-entry.ts';
import { registerEntry } from '../lib/assess/to-entry.ts';
import { el } from './dom.ts';
import { copyText, downloadText } from './export.ts';
import { readStorage, writeStorage } from './storage.ts';
import { fileSlug, ownerName } from '../lib/assess/names.ts';
import type { StepContext } from './assess-steps.ts';

/** The repository a reader typed, when the site has none configured (or they file elsewhere). */
const REPOSITORY_KEY = 'tandem:assess-repository';

/** `owner/name` or an https URL of a repository → its web URL; null when it is neither. */
export function repositoryUrl(value: string, configured: string | null): string | null {
  const text = value.trim();
  const name = /^[A-Za-z0-9][A-Za-z0-9-]{0,38}\/[A-Za-z0-9._-]{1,100}$/;
  if (name.test(text)) {
    const origin = configured ? new URL(configured).origin : 'https://github.com';
    return `${origin}/${text}`;
  }
  try {
    const url = new URL(text);
    const path = url.pathname.replace(/^\/|\/$/g, '');
    return url.protocol === 'https:' && name.test(path) ? `${url.origin}/${path}` : null;
  } catch {
    return null;
  }
}

type Absolute = (path: string) => string;

const repoName = (url: string) => new URL(url).pathname.replace(/^\/|\/$/g, '');

export function register(context: StepContext): HTMLElement {
  const a = context.assessment;
  // Links back to the guidance: the site's own address when the build knew it, else this page's.
  const absolute: Absolute = (path) => new URL(path, context.config.siteUrl ?? location.href).href;
  const entries = acceptedRisks(a).map((risk) => registerEntry(risk, a, context.config.catalogue));
  const waiting = awaitingRating(a);
  const dismissed = a.risks.filter((r) => r.status === 'dismissed');
  const wrap = el('div', { className: 'register' });
  wrap.append(summary(a, entries, waiting.length, dismissed.length));
  if (waiting.length)
    wrap.append(
      el(
        'p',
        { className: 'notice no-print' },
        `${waiting.length} included ${waiting.length === 1 ? 'risk has' : 'risks have'} no agreed rating yet and ${waiting.length === 1 ? 'is' : 'are'} not in the register: `,
        ...waiting.flatMap((r, i) => [i ? ', ' : '', r.title]),
        '. ',
        goButton(context, 'Rate them'),
      ),
    );

  let repository =
    repositoryUrl(readStorage(REPOSITORY_KEY) ?? '', context.config.repository) ?? context.config.repository;
  const list = el('ol', { className: 'register-list' });
  const drawList = () =>
    list.replaceChildren(...entries.map((entry) => riskCard(entry, repository, absolute)));
  const repoBox = repositoryField(context, repository, (url) => {
    repository = url;
    drawList();
    exportsBox.replaceChildren(...exportButtons(context, a, entries, repository, absolute));
  });
  const exportsBox = el(
    'div',
    { className: 'assess-row exports no-print' },
    ...exportButtons(context, a, entries, repository, absolute),
  );
  drawList();
  wrap.append(repoBox, exportsBox);
  wrap.append(
    entries.length ? list : el('p', {}, 'No risk has an agreed rating yet, so the register is empty.'),
  );
  if (dismissed.length)
    wrap.append(
      el(
        'details',
        { className: 'dismissed' },
        el('summary', {}, `Dismissed threats (${dismissed.length})`),
        el(
          'ul',
          {},
          ...dismissed.map((r) => el('li', {}, el('strong', {}, r.title), `: ${r.dismissReason}`)),
        ),
      ),
    );
  return wrap;
}

function goButton(context: StepContext, text: string) {
  const b = el('button', { type: 'button' }, text);
  b.addEventListener('click', () => context.goTo('rate'));
  return b;
}

function summary(a: Assessment, entries: RegisterEntry[], waiting: number, dismissed: number): HTMLElement {
  const count = (band: string) => entries.filter((e) => e.band === band).length;
  const bands = (['critical', 'high', 'medium', 'low'] as const).map((b) => `${count(b)} ${b}`).join(', ');
  const discussed = entries.filter((e) => e.discuss).length;
  const profile = a.profile;
  return el(
    'div',
    { className: 'register-summary' },
    el('p', {}, el('strong', {}, profile.name || a.name), profile.purpose ? `: ${profile.purpose}` : ''),
    el(
      'p',
      {},
      `${entries.length} ${entries.length === 1 ? 'risk' : 'risks'} in the register (${bands}); ${discussed} on which the teams differed by 2 or more; ${waiting} awaiting a rating; ${dismissed} dismissed.`,
    ),
  );
}

function repositoryField(
  context: StepContext,
  repository: string | null,
  changed: (url: string | null) => void,
): HTMLElement {
  const input = el('input', {
    type: 'text',
    id: 'file-repository',
    value: repository ? repoName(repository) : '',
    autocomplete: 'off',
    spellcheck: false,
  });
  const hint = el(
    'p',
    { className: 'muted hint', id: 'file-repository-hint' },
    'owner/name of a repository the board reads (content/board/sources.yaml), or its https URL. The links carry the board’s labels; GitHub applies labels for people who can triage there, and the gh script creates any that are missing.',
  );
  input.setAttribute('aria-describedby', hint.id);
  const error = el('p', { className: 'field-error', id: 'file-repository-error' });
  error.hidden = true;
  input.addEventListener('change', () => {
    const url = input.value.trim() ? repositoryUrl(input.value, context.config.repository) : null;
    if (input.value.trim() && !url) {
      error.textContent = 'Write the repository as owner/name or as its https URL.';
      error.hidden = false;
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', `${hint.id} ${error.id}`);
      return;
    }
    error.hidden = true;
    input.removeAttribute('aria-invalid');
    input.setAttribute('aria-describedby', hint.id);
    writeStorage(REPOSITORY_KEY, input.value.trim());
    changed(url ?? context.config.repository);
    context.status(url ? `Issues will be filed in ${repoName(url)}.` : 'No repository chosen.');
  });
  return el(
    'div',
    { className: 'field no-print' },
    el('label', { htmlFor: input.id }, 'File issues in'),
    hint,
    input,
    error,
  );
}

function exportButtons(
  context: StepContext,
  a: Assessment,
  entries: RegisterEntry[],
  repository: string | null,
  absolute: Absolute,
): HTMLElement[] {
  const options = {
    system: { name: a.profile.name || a.name, purpose: a.profile.purpose },
    assessment: { name: a.name, date: a.updatedAt.slice(0, 10) },
    absolute,
  };
  const base = fileSlug(a.name);
  const action = (text: string, run: () => void | Promise<void>) => {
    const b = el('button', { type: 'button' }, text);
    b.addEventListener('click', () => void run());
    return b;
  };
  const buttons = [
    action('Copy Markdown', async () => {
      const ok = await copyText(registerMarkdown(entries, options));
      context.status(
        ok ? 'Register copied as Markdown.' : 'The browser would not copy; use Download Markdown.',
      );
    }),
    action('Download Markdown', () => {
      downloadText(`${base}-register.md`, 'text/markdown', registerMarkdown(entries, options));
      context.status('Register downloaded as Markdown.');
    }),
    action('Download JSON', () => {
      downloadText(`${base}-register.json`, 'application/json', registerJson(entries, options));
      context.status('Register downloaded as JSON.');
    }),
    action('Print', () => print()),
  ];
  if (repository) {
    const url = new URL(repository);
    buttons.splice(
      3,
      0,
      action('Download gh script', () => {
        const script = ghScript(entries, {
          repository: repoName(repository),
          ...(url.host === 'github.com' ? {} : { host: url.host }),
          absolute,
          heading: { system: options.system.name, assessment: a.name },
        });
        downloadText(`${base}-file-issues.sh`, 'text/x-shellscript', script);
        context.status(
          `Script downloaded: run “sh ${base}-file-issues.sh --dry-run” to see the commands, then without --dry-run to file ${entries.length} issues with the GitHub CLI.`,
        );
      }),
    );
  }
  return buttons;
}

function riskCard(entry: RegisterEntry, repository: string | null, absolute: Absolute): HTMLElement {
  const labels = boardLabels(entry);
  const score = (s: { likelihood: number; impact: number } | null) =>
    s ? `${s.likelihood} × ${s.impact} = ${s.likelihood * s.impact}` : 'not rated';
  const card = el(
    'li',
    { className: 'register-card' },
    el('h3', {}, entry.title, ' ', el('span', { className: `band band-${entry.band}` }, entry.band)),
    el('p', {}, entry.description),
  );
  const facts = el(
    'dl',
    { className: 'register-facts' },
    el('dt', {}, 'Agreed'),
    el(
      'dd',
      {},
      `${score(entry.ratings.agreed)} (${entry.band})`,
      entry.discuss ? ' · teams differed by 2 or more' : '',
    ),
    el('dt', {}, 'Security'),
    el('dd', {}, score(entry.ratings.security)),
    el('dt', {}, 'Data science'),
    el('dd', {}, score(entry.ratings.dataScience)),
    el('dt', {}, 'Owner'),
    el('dd', {}, el('span', { className: `owner owner-${entry.owner}` }, ownerName(entry.owner))),
    el('dt', {}, 'Phases'),
    el('dd', {}, entry.phases.join(', ') || 'none'),
    el('dt', {}, 'Tags'),
    el('dd', {}, entry.tags.join(', ') || 'none'),
    el('dt', {}, 'Controls'),
    el(
      'dd',
      {},
      entry.controls.length
        ? el(
            'ul',
            {},
            ...entry.controls.map((c) => el('li', {}, el('a', { href: c.path }, c.title), ` (${c.kind})`)),
          )
        : 'none',
    ),
    el('dt', {}, 'Labels'),
    el('dd', { className: 'labels' }, ...labels.map((l) => el('code', {}, l))),
  );
  card.append(facts);
  if (repository) {
    const link = issueLink(entry, { repository, absolute });
    const a = el(
      'a',
      { href: link.url, className: 'file-issue no-print', rel: 'noopener' },
      'File as GitHub issue',
    );
    a.setAttribute('aria-label', `File “${entry.title}” as a GitHub issue`);
    card.append(a);
    if (link.trimmed)
      card.append(
        el(
          'p',
          { className: 'muted no-print' },
          'The issue text was shortened to fit in a link; the full text is in the Markdown export and the gh script.',
        ),
      );
  }
  return card;
}

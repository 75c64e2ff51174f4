/**
 * The workshop's steps, drawn from the assessment: describe the system, review the threats its
 * profile selects, rate them side by side, assign owners and controls. Each step is drawn once
 * when opened; edits update the model and the few outputs they affect, so focus stays put.
 * The register (and its exports) is loaded on demand from assess-register.ts.
 */
import { applies } from '../lib/assess/applies.ts';
import { AREA_IDS, THREAT_AREAS } from '../lib/assess/areas.ts';
import {
  addCustomRisk,
  addThreat,
  agreeOnSuggestion,
  needsDiscussion,
  rate,
  removeRisk,
  rename,
  setProfile,
  setStatus,
  updateRisk,
  STEPS,
  type Assessment,
  type Rating,
  type RatingSlot,
  type Risk,
  type Step,
} from '../lib/assess/assessment.ts';
import { conditionText } from '../lib/assess/condition-text.ts';
import { PROFILE_FACTS, type SystemProfile } from '../lib/assess/profile.ts';
import { bandOf, scoreOf } from '../lib/assess/severity.ts';
import { OWNER_CHOICES } from '../lib/assess/names.ts';
import { STEP_TITLES } from '../lib/assess/steps.ts';
import { PHASES, type Phase } from '../lib/vocabulary.ts';
import { el } from './dom.ts';
import type { WorkshopConfig } from './assess-workshop.ts';

export interface StepContext {
  /** The assessment when the step was drawn. */
  assessment: Assessment;
  /** The assessment now, after the edits made since. */
  assessmentNow: () => Assessment;
  config: WorkshopConfig;
  update: (change: (a: Assessment) => Assessment, redraw?: { focusKey?: string }) => void;
  goTo: (step: Step) => void;
  status: (text: string) => void;
}

const now = () => new Date().toISOString();

export async function renderStep(context: StepContext): Promise<HTMLElement> {
  const step = context.assessment.step;
  const body =
    step === 'describe'
      ? describe(context)
      : step === 'review'
        ? review(context)
        : step === 'rate'
          ? rateStep(context)
          : step === 'assign'
            ? assign(context)
            : await (await import('./assess-register.ts')).register(context);
  const heading = el(
    'h2',
    { tabIndex: -1, id: 'step-heading' },
    `${STEPS.indexOf(step) + 1}. ${STEP_TITLES[step]}`,
  );
  const section = el('section', { className: `step step-${step}` }, heading, body, stepButtons(context));
  section.setAttribute('aria-labelledby', 'step-heading');
  return section;
}

function stepButtons({ assessment, goTo }: StepContext): HTMLElement {
  const i = STEPS.indexOf(assessment.step);
  const nav = el('div', { className: 'step-buttons no-print' });
  const prev = STEPS[i - 1];
  const next = STEPS[i + 1];
  if (prev) nav.append(button(`Back: ${STEP_TITLES[prev]}`, () => goTo(prev)));
  if (next) nav.append(button(`Next: ${STEP_TITLES[next]}`, () => goTo(next), 'primary'));
  return nav;
}

function button(text: string, onClick: () => void, className = '', key?: string): HTMLButtonElement {
  const b = el('button', { type: 'button', className }, text);
  b.addEventListener('click', onClick);
  if (key) b.dataset['key'] = key;
  return b;
}

let uid = 0;
/** A labelled control: the label text, then the control, linked by a generated id. */
function field(label: string, control: HTMLElement, hint?: string): HTMLElement {
  const id = (control.id ||= `f${++uid}`);
  const wrap = el('div', { className: 'field' }, el('label', { htmlFor: id }, label));
  if (hint) {
    const hintEl = el('p', { className: 'muted hint', id: `${id}-hint` }, hint);
    control.setAttribute('aria-describedby', hintEl.id);
    wrap.append(hintEl);
  }
  wrap.append(control);
  return wrap;
}

function checkbox(label: string, checked: boolean, onChange: (checked: boolean) => void, name?: string) {
  const input = el('input', { type: 'checkbox', checked, name: name ?? '' });
  input.addEventListener('change', () => onChange(input.checked));
  return el('label', { className: 'check' }, input, ` ${label}`);
}

// ---------------------------------------------------------------------------------------------
// 1. Describe the system

function describe(context: StepContext): HTMLElement {
  const { config } = context;
  const profile = (): SystemProfile => context.assessmentNow().profile;
  const change = (patch: Partial<SystemProfile>) => {
    context.update((a) => setProfile(a, { ...a.profile, ...patch }, now()));
    count.textContent = selectedText(context);
  };
  const count = el('p', { className: 'selected-count' }, selectedText(context));
  count.setAttribute('aria-live', 'polite');

  const title = el('input', {
    type: 'text',
    value: context.assessment.name,
    maxLength: 200,
    autocomplete: 'off',
  });
  title.addEventListener('input', () => {
    if (title.value.trim()) context.update((a) => rename(a, title.value, now()));
  });
  const name = el('input', { type: 'text', value: profile().name, maxLength: 200, autocomplete: 'off' });
  name.addEventListener('input', () => change({ name: name.value }));
  const purpose = el('textarea', { value: profile().purpose, rows: 2, maxLength: 2000 });
  purpose.addEventListener('input', () => change({ purpose: purpose.value }));
  const sources = el('textarea', { value: profile().sources, rows: 2, maxLength: 2000 });
  sources.addEventListener('input', () => change({ sources: sources.value }));

  const group = <G extends 'data' | 'model' | 'deployment'>(
    g: G,
    legend: string,
    only?: readonly string[],
  ) => {
    const set = el('fieldset', { className: 'facts' }, el('legend', {}, legend));
    for (const [value, label] of Object.entries(PROFILE_FACTS[g])) {
      if (only && !only.includes(value)) continue;
      set.append(
        checkbox(label, (profile()[g] as string[]).includes(value), (on) => {
          const list = profile()[g] as string[];
          change({ [g]: on ? [...list, value] : list.filter((v) => v !== value) } as Partial<SystemProfile>);
        }),
      );
    }
    return set;
  };

  // Internal or public is one choice; the other deployment facts are independent.
  const exposure = el('fieldset', { className: 'facts' }, el('legend', {}, 'Who uses it'));
  for (const value of ['internal', 'public'] as const) {
    const radio = el('input', {
      type: 'radio',
      name: 'exposure',
      value,
      checked: profile().deployment.includes(value),
    });
    radio.addEventListener('change', () => {
      const rest = profile().deployment.filter((d) => d !== 'internal' && d !== 'public');
      change({ deployment: [...rest, value] });
    });
    exposure.append(el('label', { className: 'check' }, radio, ` ${PROFILE_FACTS.deployment[value]}`));
  }

  void config;
  return el(
    'div',
    {},
    el(
      'p',
      { className: 'muted' },
      'Both teams together: what the system is, what data it touches, what kind of model it is and who it serves. The profile selects the threats to review.',
    ),
    field('Assessment name', title, 'How this assessment is listed in this browser and in exports.'),
    field('System name', name),
    field('Purpose', purpose, 'What it does and for whom, in a sentence or two.'),
    field('Data sources', sources, 'Where training, retrieval and run-time data come from.'),
    group('data', 'Data'),
    group('model', 'Model'),
    exposure,
    group('deployment', 'Deployment', ['automated-decisions', 'integrations']),
    count,
  );
}

function selectedText(context: StepContext): string {
  const profile = context.assessmentNow().profile;
  const n = context.config.threats.filter((t) => applies(t, profile)).length;
  return `${n} of ${context.config.threats.length} threats in the library apply to this profile.`;
}

// ---------------------------------------------------------------------------------------------
// 2. Review threats

function review(context: StepContext): HTMLElement {
  const a = context.assessment;
  const included = a.risks.filter((r) => r.status === 'included').length;
  const dismissed = a.risks.length - included;
  const wrap = el(
    'div',
    {},
    el(
      'p',
      { className: 'muted' },
      `${included} risks to assess, ${dismissed} dismissed. Dismiss a threat that does not apply, with the reason; add threats the profile did not select, or your own.`,
    ),
  );
  for (const area of [...AREA_IDS, null]) {
    const risks = a.risks.filter((r) => r.area === area);
    if (risks.length === 0) continue;
    const list = el('ul', { className: 'review-list' });
    for (const risk of risks) list.append(reviewItem(context, risk));
    wrap.append(el('h3', {}, area ? THREAT_AREAS[area] : 'Your own risks'), list);
  }
  wrap.append(addFromLibrary(context), addOwn(context));
  return wrap;
}

function reviewItem(context: StepContext, risk: Risk): HTMLElement {
  const threat = context.config.threats.find((t) => t.id === risk.threatId);
  const item = el('li', { className: `review-item${risk.status === 'dismissed' ? ' is-dismissed' : ''}` });
  item.append(el('h4', {}, risk.title), el('p', {}, risk.description));
  const views = el(
    'details',
    {},
    el('summary', {}, 'What each team looks for'),
    el(
      'dl',
      {},
      el('dt', {}, 'Security'),
      el('dd', {}, risk.security),
      el('dt', {}, 'Data science'),
      el('dd', {}, risk.dataScience),
      ...(threat
        ? [el('dt', {}, 'Selected because it applies to'), el('dd', {}, conditionText(threat.appliesWhen))]
        : []),
    ),
  );
  item.append(views);
  if (risk.status === 'dismissed') {
    item.append(
      el('p', { className: 'dismissed-reason' }, el('strong', {}, 'Dismissed: '), risk.dismissReason),
      button(
        'Restore',
        () =>
          context.update((a) => setStatus(a, risk.id, 'included', '', now()), {
            focusKey: `dismiss:${risk.id}`,
          }),
        '',
        `restore:${risk.id}`,
      ),
    );
    item.lastElementChild!.setAttribute('aria-label', `Restore “${risk.title}”`);
    return item;
  }
  const actions = el('div', { className: 'review-actions' });
  const dismiss = button(
    'Dismiss…',
    () => {
      form.hidden = false;
      dismiss.hidden = true;
      reason.focus();
    },
    '',
    `dismiss:${risk.id}`,
  );
  dismiss.setAttribute('aria-label', `Dismiss “${risk.title}”`);
  const reason = el('input', { type: 'text', maxLength: 1000, required: true, autocomplete: 'off' });
  const error = el('p', { className: 'field-error', id: `reason-error-${risk.id}` });
  error.hidden = true;
  const form = el(
    'form',
    { className: 'dismiss-form' },
    field(`Why does “${risk.title}” not apply?`, reason),
    error,
    el('button', { type: 'submit' }, 'Dismiss'),
    button('Cancel', () => {
      form.hidden = true;
      dismiss.hidden = false;
      dismiss.focus();
    }),
  );
  form.hidden = true;
  form.noValidate = true;
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!reason.value.trim()) {
      error.textContent = 'Say why the risk is dismissed, so the other team and later readers know.';
      error.hidden = false;
      reason.setAttribute('aria-invalid', 'true');
      reason.setAttribute('aria-describedby', error.id);
      reason.focus();
      return;
    }
    context.update((a) => setStatus(a, risk.id, 'dismissed', reason.value.trim(), now()), {
      focusKey: `restore:${risk.id}`,
    });
  });
  actions.append(dismiss);
  if (!risk.threatId) {
    const remove = button('Remove', () =>
      context.update((a) => removeRisk(a, risk.id, now()), { focusKey: 'add-own' }),
    );
    remove.setAttribute('aria-label', `Remove “${risk.title}”`);
    actions.append(remove);
  }
  item.append(actions, form);
  return item;
}

function addFromLibrary(context: StepContext): HTMLElement {
  const present = new Set(context.assessment.risks.map((r) => r.threatId));
  const select = el('select', { id: 'add-threat' });
  select.append(el('option', { value: '' }, 'Choose a threat…'));
  for (const area of AREA_IDS) {
    const group = el('optgroup', { label: THREAT_AREAS[area] });
    for (const t of context.config.threats)
      if (t.area === area && !present.has(t.id)) group.append(el('option', { value: t.id }, t.title));
    if (group.children.length) select.append(group);
  }
  const add = button(
    'Add threat',
    () => {
      const threat = context.config.threats.find((t) => t.id === select.value);
      if (!threat) return context.status('Choose a threat to add first.');
      context.update((a) => addThreat(a, threat, now()), { focusKey: 'add-threat-button' });
      context.status(`Added “${threat.title}”.`);
    },
    '',
    'add-threat-button',
  );
  return el(
    'section',
    { className: 'add-box' },
    el('h3', {}, 'Add a threat from the library'),
    el('p', { className: 'muted' }, 'Threats the profile did not select; add one the teams think applies.'),
    el('div', { className: 'assess-row' }, field('Threat', select), add),
  );
}

function addOwn(context: StepContext): HTMLElement {
  const title = el('input', { type: 'text', maxLength: 300, required: true, autocomplete: 'off' });
  const description = el('textarea', { rows: 3, maxLength: 5000 });
  const owner = ownerSelect('shared');
  const phases = el('fieldset', { className: 'facts' }, el('legend', {}, 'Phases'));
  for (const p of PHASES) phases.append(checkbox(p, false, () => {}, 'own-phase'));
  const error = el('p', { className: 'field-error', id: 'own-error' });
  error.hidden = true;
  const submit = el('button', { type: 'submit' }, 'Add your risk');
  submit.dataset['key'] = 'add-own';
  const form = el(
    'form',
    { className: 'add-box' },
    el('h3', {}, 'Add your own risk'),
    field('Title', title),
    error,
    field('Description', description),
    field('Owner team', owner),
    phases,
    submit,
  );
  form.noValidate = true;
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!title.value.trim()) {
      error.textContent = 'Give the risk a title.';
      error.hidden = false;
      title.setAttribute('aria-invalid', 'true');
      title.setAttribute('aria-describedby', error.id);
      title.focus();
      return;
    }
    const chosen = [...phases.querySelectorAll<HTMLInputElement>('input:checked')].map(
      (i) => i.parentElement!.textContent!.trim() as Phase,
    );
    context.update(
      (a) =>
        addCustomRisk(
          a,
          {
            title: title.value.trim(),
            description: description.value.trim(),
            owner: owner.value as Risk['owner'],
            phases: chosen,
          },
          now(),
        ),
      { focusKey: 'add-own' },
    );
    context.status(`Added your risk “${title.value.trim()}”.`);
  });
  return form;
}

function ownerSelect(value: string): HTMLSelectElement {
  const select = el('select');
  for (const [v, label] of OWNER_CHOICES)
    select.append(el('option', { value: v, selected: v === value }, label));
  return select;
}

// ---------------------------------------------------------------------------------------------
// 3. Rate together

const SLOTS: Array<[RatingSlot, string]> = [
  ['security', 'Security'],
  ['dataScience', 'Data science'],
  ['agreed', 'Agreed'],
];

function rateStep(context: StepContext): HTMLElement {
  const risks = context.assessment.risks.filter((r) => r.status === 'included');
  const summary = el('p', { className: 'rate-summary' });
  summary.setAttribute('aria-live', 'polite');
  const refreshSummary = () => (summary.textContent = rateSummary(context.assessmentNow()));
  refreshSummary();
  const list = el('ol', { className: 'rate-list' });
  risks.forEach((risk) => list.append(rateCard(context, risk, refreshSummary)));
  // Late in a workshop, what is left: risks the teams disagree on or have not agreed yet.
  const open = (id: string) => {
    const r = context.assessmentNow().risks.find((x) => x.id === id);
    return !!r && (needsDiscussion(r) || scoreOf(r.ratings.agreed) === null);
  };
  const filter = checkbox('Show only risks to discuss or not yet agreed', false, (only) => {
    for (const card of list.querySelectorAll<HTMLElement>('.rate-card'))
      card.hidden = only && !open(card.dataset['riskId']!);
  });
  filter.classList.add('rate-filter', 'no-print');
  return el(
    'div',
    {},
    el(
      'p',
      { className: 'muted' },
      'Each team rates likelihood and impact from 1 to 5 on its own, then both agree one rating. Where the teams differ by 2 or more on either, the risk is flagged to discuss. Severity: low 1–4, medium 5–9, high 10–16, critical 20–25 (likelihood × impact).',
    ),
    summary,
    ...(risks.length ? [filter, list] : [el('p', {}, 'No risks to rate: review the threats first.')]),
  );
}

function rateSummary(a: Assessment): string {
  const risks = a.risks.filter((r) => r.status === 'included');
  const agreed = risks.filter((r) => scoreOf(r.ratings.agreed) !== null).length;
  const discuss = risks.filter(needsDiscussion).length;
  return `${agreed} of ${risks.length} risks have an agreed rating; ${discuss} to discuss.`;
}

function rateCard(context: StepContext, risk: Risk, refreshSummary: () => void): HTMLElement {
  const threat = context.config.threats.find((t) => t.id === risk.threatId);
  const card = el('li', { className: 'rate-card' });
  card.dataset['riskId'] = risk.id;
  card.append(el('h3', {}, risk.title));
  if (threat)
    card.append(
      el(
        'p',
        { className: 'muted' },
        `Library default: likelihood ${threat.likelihood}, impact ${threat.impact}. ${threat.rationale}`,
      ),
    );
  const grid = el('div', { className: 'rate-grid' });
  const outputs = new Map<RatingSlot, HTMLElement>();
  const selects = new Map<string, HTMLSelectElement>();
  const discuss = el('p', { className: 'discuss' }, 'Discuss: the teams differ by 2 or more.');
  const refresh = () => {
    const r = context.assessmentNow().risks.find((x) => x.id === risk.id)!;
    for (const [slot] of SLOTS) outputs.get(slot)!.replaceChildren(...bandText(r.ratings[slot]));
    discuss.hidden = !needsDiscussion(r);
    for (const [slot] of SLOTS)
      for (const f of ['likelihood', 'impact'] as const)
        selects.get(`${slot}-${f}`)!.value = String(r.ratings[slot][f] ?? '');
    refreshSummary();
  };
  for (const [slot, label] of SLOTS) {
    const set = el('fieldset', { className: `rate-slot slot-${slot}` }, el('legend', {}, label));
    for (const f of ['likelihood', 'impact'] as const) {
      const select = el('select');
      select.append(el('option', { value: '' }, '–'));
      for (let n = 1; n <= 5; n++)
        select.append(el('option', { value: String(n), selected: risk.ratings[slot][f] === n }, String(n)));
      select.dataset['key'] = `${risk.id}:${slot}:${f}`;
      select.addEventListener('change', () => {
        context.update((a) => rate(a, risk.id, slot, f, select.value ? Number(select.value) : null, now()));
        refresh();
      });
      selects.set(`${slot}-${f}`, select);
      set.append(field(f === 'likelihood' ? 'Likelihood' : 'Impact', select));
    }
    const out = el('output', { className: 'slot-band' });
    outputs.set(slot, out);
    set.append(out);
    if (slot === 'agreed') {
      const suggest = button('Use the higher rating', () => {
        context.update((a) => agreeOnSuggestion(a, risk.id, now()));
        refresh();
      });
      suggest.setAttribute('aria-label', `Agree the higher of both teams' ratings for “${risk.title}”`);
      set.append(suggest);
    }
    grid.append(set);
  }
  card.append(grid, discuss, viewsEditor(context, risk));
  // First paint without announcing.
  for (const [slot] of SLOTS) outputs.get(slot)!.replaceChildren(...bandText(risk.ratings[slot]));
  discuss.hidden = !needsDiscussion(risk);
  return card;
}

function bandText(r: Rating): (string | HTMLElement)[] {
  const score = scoreOf(r);
  const band = bandOf(r);
  if (score === null || band === null) return ['not rated'];
  return [`${r.likelihood} × ${r.impact} = ${score} `, el('span', { className: `band band-${band}` }, band)];
}

function viewsEditor(context: StepContext, risk: Risk): HTMLElement {
  const text = (label: string, value: string, key: 'security' | 'dataScience' | 'notes') => {
    const area = el('textarea', { value, rows: 3, maxLength: 5000 });
    area.addEventListener('input', () =>
      context.update((a) => updateRisk(a, risk.id, { [key]: area.value }, now())),
    );
    return field(label, area);
  };
  return el(
    'details',
    { className: 'views' },
    el('summary', {}, 'Both teams’ views and notes'),
    text('Security’s view', risk.security, 'security'),
    text('Data science’s view', risk.dataScience, 'dataScience'),
    text('Notes (what was agreed and why)', risk.notes, 'notes'),
  );
}

// ---------------------------------------------------------------------------------------------
// 4. Owners and controls

function assign(context: StepContext): HTMLElement {
  const risks = context.assessment.risks.filter((r) => r.status === 'included');
  const list = el('ol', { className: 'assign-list' });
  for (const risk of risks) list.append(assignCard(context, risk));
  return el(
    'div',
    {},
    el(
      'p',
      { className: 'muted' },
      'Agree which team owns each risk and which of Tandem’s practices, checklists and modules control it. The owner decides the board lane the filed issue lands in.',
    ),
    risks.length ? list : el('p', {}, 'No risks yet: review the threats first.'),
  );
}

function assignCard(context: StepContext, risk: Risk): HTMLElement {
  const current = () => context.assessmentNow().risks.find((r) => r.id === risk.id)!;
  const owner = ownerSelect(risk.owner);
  owner.addEventListener('change', () =>
    context.update((a) => updateRisk(a, risk.id, { owner: owner.value as Risk['owner'] }, now())),
  );
  const phases = el('fieldset', { className: 'facts' }, el('legend', {}, 'Phases'));
  for (const p of PHASES)
    phases.append(
      checkbox(p, risk.phases.includes(p), (on) => {
        const list = current().phases;
        const next = on ? PHASES.filter((x) => x === p || list.includes(x)) : list.filter((x) => x !== p);
        context.update((a) => updateRisk(a, risk.id, { phases: next }, now()));
      }),
    );
  const controls = el('fieldset', { className: 'controls' }, el('legend', {}, 'Controls'));
  const controlBox = (key: string, checked: boolean) => {
    const guidance = context.config.catalogue[key];
    if (!guidance) return null;
    return checkbox(`${guidance.title} (${guidance.kind})`, checked, (on) => {
      const list = current().controls;
      context.update((a) =>
        updateRisk(a, risk.id, { controls: on ? [...list, key] : list.filter((k) => k !== key) }, now()),
      );
    });
  };
  for (const key of risk.controls) {
    const box = controlBox(key, true);
    if (box) controls.append(box);
  }
  const more = el('select');
  more.append(el('option', { value: '' }, 'Add a control…'));
  for (const [key, g] of Object.entries(context.config.catalogue))
    if (!risk.controls.includes(key)) more.append(el('option', { value: key }, `${g.title} (${g.kind})`));
  more.addEventListener('change', () => {
    const key = more.value;
    if (!key) return;
    context.update((a) => updateRisk(a, risk.id, { controls: [...current().controls, key] }, now()));
    const box = controlBox(key, true)!;
    controls.insertBefore(box, moreField);
    more.querySelector(`option[value="${CSS.escape(key)}"]`)?.remove();
    more.value = '';
    context.status(`Added the control “${context.config.catalogue[key]!.title}”.`);
  });
  const moreField = field(`Add a control to “${risk.title}”`, more);
  controls.append(moreField);
  const agreed = bandText(risk.ratings.agreed);
  return el(
    'li',
    { className: 'assign-card' },
    el('h3', {}, risk.title),
    el('p', { className: 'muted' }, 'Agreed rating: ', ...agreed),
    field('Owner team', owner),
    phases,
    controls,
  );
}

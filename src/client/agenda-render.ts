/**
 * Draws an agenda view in the browser: the same markup as src/components/AgendaSections.astro,
 * from the same view model. Untrusted text only through text nodes.
 */
import type { AgendaSectionView, AgendaView } from '../lib/board/agenda-view.ts';
import { el } from './dom.ts';

export function renderAgenda(view: AgendaView): Node[] {
  const toc = el(
    'nav',
    { className: 'agenda-toc no-print' },
    el('h2', { id: 'agenda-toc' }, 'Agenda'),
    el(
      'ol',
      {},
      ...view.sections.map((s) =>
        el('li', {}, el('a', { href: `#${s.id}` }, s.title), ` (${s.count}) · ${s.timebox}`),
      ),
      el('li', {}, el('a', { href: '#actions' }, 'Decisions and actions'), ` (${view.actions.length})`),
    ),
  );
  toc.setAttribute('aria-labelledby', 'agenda-toc');
  return [
    el('p', { className: 'agenda-plan' }, view.plan),
    ...view.notes.map((note) => el('p', { className: 'agenda-note' }, note)),
    toc,
    ...view.sections.map(section),
    actions(view),
  ];
}

function section(s: AgendaSectionView): HTMLElement {
  const node = el(
    'section',
    { className: 'agenda-section' },
    el(
      'h2',
      { id: s.id },
      `${s.number}. ${s.title} `,
      el('span', { className: 'muted' }, `(${s.count}) · ${s.timebox}`),
    ),
    el('p', { className: 'agenda-intro muted' }, s.intro),
  );
  node.setAttribute('aria-labelledby', s.id);
  node.dataset['section'] = s.id;
  if (s.lines.length === 0) {
    node.append(el('p', { className: 'muted' }, s.empty));
    return node;
  }
  const list = el(
    'ul',
    { className: 'agenda-lines' },
    ...s.lines.map((line) => {
      const item = el(
        'li',
        {},
        el('a', { href: line.href, dir: 'auto' }, line.title),
        ' ',
        el('span', { className: 'muted' }, `(${line.meta})`),
      );
      item.dataset['key'] = line.key;
      if (line.reasons.length)
        item.append(el('ul', { className: 'agenda-reasons' }, ...line.reasons.map((r) => el('li', {}, r))));
      return item;
    }),
  );
  if (s.more)
    list.append(
      el(
        'li',
        { className: 'agenda-more' },
        s.more.href ? el('a', { href: s.more.href }, s.more.text) : s.more.text,
      ),
    );
  node.append(list);
  return node;
}

function actions(view: AgendaView): HTMLElement {
  const heading = el('h2', { id: 'actions' }, 'Decisions and actions');
  const node = el('section', { className: 'agenda-section agenda-actions' }, heading);
  node.setAttribute('aria-labelledby', 'actions');
  node.dataset['section'] = 'actions';
  if (view.actions.length === 0) {
    node.append(el('p', { className: 'muted' }, 'No risks to discuss.'));
    return node;
  }
  const head = el(
    'tr',
    {},
    ...['Risk', 'Decision or action', 'Owner', 'Due'].map((t) => {
      const th = el('th', {}, t);
      th.setAttribute('scope', 'col');
      return th;
    }),
  );
  const rows = view.actions.map((a) => {
    const th = el('th', {}, el('a', { href: a.href, dir: 'auto' }, `${a.key} ${a.title}`));
    th.setAttribute('scope', 'row');
    const row = el('tr', {}, th, el('td'), el('td'), el('td'));
    row.dataset['key'] = a.key;
    return row;
  });
  node.append(
    el('table', { className: 'agenda-actions-table' }, el('thead', {}, head), el('tbody', {}, ...rows)),
  );
  return node;
}

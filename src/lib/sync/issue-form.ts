import type { IssueFormConfig } from '../../schemas/issue-form.ts';
import type { Owner } from '../../schemas/owner.ts';
import { PHASES, type Phase } from '../../schemas/phase.ts';
import type { Severity } from '../../schemas/severity.ts';
import { resolveTag } from '../taxonomy.ts';
import { formSections, headingKey } from './form-sections.ts';
import { sameLabel, shownLabel } from './label-normalise.ts';

export interface FormAnswers {
  owner?: Owner;
  severity?: Severity;
  phases?: Phase[];
  /** Known taxonomy tags from the ATLAS answer, e.g. `atlas:AML.T0051`. */
  tags?: string[];
  /** Sentences for a reader: answers that are not one of the form's options, unknown ATLAS IDs. */
  flags: string[];
}

type Dropdown<T extends string> = { heading: string; options: Record<string, T> };

/** Most comma-separated pieces one option text may span, which bounds the work per answer. */
const MAX_SPAN = 8;
/** GitHub's text for a question left empty. */
const NO_RESPONSE = '_No response_';
/** A technique or sub-technique ID, not part of a longer one; no nested quantifiers, so linear. */
const ATLAS_ID = /(?<![\w.])AML\.T\d{4}(?:\.\d{3})?(?!\d)(?!\.\d)/gi;

/**
 * The answers to the form's owner, severity, phase and ATLAS questions in an issue body
 * (form-sections.ts reads it), mapped to board values with `form`. Option texts compare trimmed,
 * letter case aside; an answer that is not an option, or an unknown ATLAS ID, gives a flag and no
 * value. A question left empty or missing gives nothing.
 */
export function formAnswers(body: string, form: IssueFormConfig): FormAnswers {
  const sections = formSections(
    body,
    [form.owner, form.severity, form.phase, form.atlas].map((q) => q.heading),
  );
  const answer = (heading: string) => {
    const text = sections.get(headingKey(heading));
    return text === undefined || sameLabel(text, NO_RESPONSE) ? undefined : text;
  };
  const flags: string[] = [];
  const result: FormAnswers = { flags };
  const pick = <T extends string>(question: Dropdown<T>, noun: string, multiple: boolean): T[] => {
    const text = answer(question.heading);
    if (text === undefined) return [];
    const { values, unknown } = choose(text.replaceAll('\n', ' '), question.options, multiple);
    if (unknown.length > 0) {
      const quoted = unknown.slice(0, 3).map((u) => `"${shownLabel(u, 40)}"`);
      const more = unknown.length > 3 ? ` and ${unknown.length - 3} more` : '';
      const options = Object.keys(question.options).map((o) => o.trim());
      const what =
        unknown.length === 1
          ? `answer ${quoted[0]} is not one of`
          : `answers ${quoted.join(', ')}${more} are not among`;
      flags.push(`the form's ${noun} ${what} its options (${options.join(', ')}); not applied`);
    }
    return values;
  };
  const [owner] = pick(form.owner, 'owner team', false);
  const [severity] = pick(form.severity, 'severity', false).filter((s) => s !== 'unrated');
  const phases = new Set(pick(form.phase, 'lifecycle phase', true));
  if (owner) result.owner = owner;
  if (severity) result.severity = severity;
  if (phases.size > 0) result.phases = PHASES.filter((p) => phases.has(p));
  const tags = atlasTags(answer(form.atlas.heading), flags);
  if (tags.length > 0) result.tags = tags;
  return result;
}

/**
 * The options an answer names. A multi-select answer is the chosen texts joined by `, `; an
 * option text may itself hold commas, so runs of up to that many pieces (at most MAX_SPAN) are
 * tried, longest first.
 */
function choose<T extends string>(text: string, options: Record<string, T>, multiple: boolean) {
  const entries = Object.entries(options);
  const find = (candidate: string) => entries.find(([option]) => sameLabel(candidate, option.trim()))?.[1];
  if (!multiple) {
    const value = find(text);
    return value === undefined ? { values: [], unknown: [text] } : { values: [value], unknown: [] };
  }
  const span = Math.min(MAX_SPAN, Math.max(1, ...entries.map(([option]) => option.split(',').length)));
  const pieces = text.split(',');
  const values: T[] = [];
  const unknown: string[] = [];
  for (let i = 0; i < pieces.length;) {
    let taken = 0;
    for (let n = Math.min(span, pieces.length - i); n > 0 && taken === 0; n -= 1) {
      const value = find(pieces.slice(i, i + n).join(','));
      if (value === undefined) continue;
      values.push(value);
      taken = n;
    }
    const piece = pieces[i]!.trim();
    if (taken === 0 && piece !== '') unknown.push(piece);
    i += Math.max(taken, 1);
  }
  return { values, unknown };
}

/** Known `atlas:` tags for the IDs in an answer; unknown IDs and an answer without any are flagged. */
function atlasTags(text: string | undefined, flags: string[]): string[] {
  if (text === undefined) return [];
  const ids = [...new Set([...text.matchAll(ATLAS_ID)].map((m) => m[0].toUpperCase()))];
  if (ids.length === 0) {
    flags.push(
      `the form's ATLAS answer "${shownLabel(text, 40)}" names no technique ID such as AML.T0051; not applied`,
    );
    return [];
  }
  const tags: string[] = [];
  const unknown: string[] = [];
  for (const id of ids) {
    const tag = resolveTag(`atlas:${id}`);
    if (tag.ok) tags.push(tag.value.tag);
    else unknown.push(id);
  }
  if (unknown.length > 0) {
    flags.push(
      `the form names ATLAS IDs that are not in the taxonomy: ${unknown.slice(0, 5).join(', ')}; not applied`,
    );
  }
  return [...new Set(tags)].sort();
}

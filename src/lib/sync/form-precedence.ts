import type { IssueFormConfig } from '../../schemas/issue-form.ts';
import type { Conventions } from '../../schemas/sources.ts';
import { formAnswers } from './issue-form.ts';
import { conventionsOf, normaliseLabel, read, skeleton } from './label-normalise.ts';
import { mapLabels, type MappedLabels, type RawLabel } from './labels.ts';
import { cleanText } from './plain-text.ts';

type FormField = 'owner' | 'severity' | 'phase' | 'atlas';

/**
 * The board fields of an issue from its labels and, where no label speaks to a field, its form
 * answers (issue-form.ts): labels win. A label speaks to a field when it carries the field's
 * prefix, applied or not (`severity:urgent` too), so a triager's label is never overridden by
 * what the reporter chose. When a label and an answer disagree, a flag says so.
 */
export function mapFields(
  labels: readonly RawLabel[],
  body: string,
  conventions: Conventions,
  form: IssueFormConfig,
): MappedLabels {
  const mapped = mapLabels(labels, conventions);
  const answers = formAnswers(body, form);
  const labelled = labelledFields(labels, conventions);
  const flags = [...mapped.flags, ...answers.flags];
  const result = { ...mapped };
  const disagree = (field: FormField, said: string, labelSays: string | null) =>
    flags.push(disagreement(field, said, labelSays));
  if (answers.owner) {
    if (!labelled.has('owner')) result.owner = answers.owner;
    else if (mapped.owner !== answers.owner)
      disagree('owner', textOf(form.owner, answers.owner), mapped.owner);
  }
  if (answers.severity) {
    const rated = mapped.severity === 'unrated' ? null : mapped.severity;
    if (!labelled.has('severity')) result.severity = answers.severity;
    else if (rated !== answers.severity) disagree('severity', textOf(form.severity, answers.severity), rated);
  }
  if (answers.phases) {
    const said = answers.phases.map((p) => textOf(form.phase, p)).join(', ');
    if (!labelled.has('phase')) result.phases = answers.phases;
    else if (mapped.phases.join() !== answers.phases.join())
      disagree('phase', said, mapped.phases.length > 0 ? mapped.phases.join(', ') : null);
  }
  if (answers.tags) {
    const fromLabels = mapped.tags.filter((tag) => tag.startsWith('atlas:'));
    const ids = (tags: string[]) => tags.map((tag) => tag.slice('atlas:'.length)).join(', ');
    if (!labelled.has('atlas')) result.tags = [...new Set([...mapped.tags, ...answers.tags])].sort();
    else if (fromLabels.join() !== answers.tags.join())
      disagree('atlas', ids(answers.tags), fromLabels.length > 0 ? ids(fromLabels) : null);
  }
  result.flags = [...new Set(flags.map((flag) => cleanText(flag, 200)))].sort((a, b) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  return result;
}

/** The fields an issue's labels speak to: any label read as that field's convention, value known or not. */
function labelledFields(labels: readonly RawLabel[], conventions: Conventions): Set<FormField> {
  const known = conventionsOf(conventions);
  const fields = new Set<FormField>();
  for (const { name } of labels) {
    // Look-alike spellings too (`οwner:security` with a Greek omicron): they are flagged, not applied.
    const reading = read(normaliseLabel(name), known) ?? read(skeleton(name), known);
    const convention = reading?.convention;
    if (!convention) continue;
    if (convention.field === 'tag') {
      if (convention.prefix === conventions.taxonomy.atlas) fields.add('atlas');
    } else fields.add(convention.field);
  }
  return fields;
}

const FIELDS: Record<FormField, { name: string; label: string; plural: boolean }> = {
  owner: { name: 'owner', label: 'an owner label', plural: false },
  severity: { name: 'severity', label: 'a severity label', plural: false },
  phase: { name: 'phase', label: 'a phase label', plural: true },
  atlas: { name: 'ATLAS', label: 'an ATLAS label', plural: true },
};

/** The flag for a form answer that a label overrides; `labelSays` is null when the label is not applied. */
function disagreement(field: FormField, said: string, labelSays: string | null): string {
  const { name, label, plural } = FIELDS[field];
  const form = `the form says ${name} ${said}`;
  if (labelSays === null)
    return `${form} but the issue has ${label} that is not applied; fix or remove it to use the answer`;
  return plural
    ? `${form} but the labels say ${labelSays}; the labels win`
    : `${form} but the label says ${labelSays}; the label wins`;
}

/** The form's text for a board value (its first option meaning it), for flags. */
function textOf<T extends string>(question: { options: Record<string, T> }, value: T): string {
  return (
    Object.entries(question.options)
      .find(([, v]) => v === value)?.[0]
      .trim() ?? value
  );
}

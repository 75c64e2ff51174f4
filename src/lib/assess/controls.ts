/** A threat's suggested control, as written in content, and the guidance it points to. */
export type ControlRef = { practice: string } | { checklist: string } | { module: string };
export type ControlKind = 'practice' | 'checklist' | 'module';

export function controlTarget(control: ControlRef): { kind: ControlKind; id: string } {
  if ('practice' in control) return { kind: 'practice', id: control.practice };
  if ('checklist' in control) return { kind: 'checklist', id: control.checklist };
  return { kind: 'module', id: control.module };
}

/** `practice:<id>`, the form the workshop stores a chosen control in. */
export function controlKey(control: ControlRef): string {
  const { kind, id } = controlTarget(control);
  return `${kind}:${id}`;
}

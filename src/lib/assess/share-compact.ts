/**
 * Share links carry what the teams decided, not the library's text: a risk from the threat
 * library drops every copied field it did not change (title, description, both teams' lenses,
 * area, phases, owner, tags, controls), and the page that opens the link fills them back from
 * its own library. A typical assessment then fits a link; an edited field travels in full.
 */
import { riskFrom, type Assessment, type LibraryThreat } from './assessment.ts';

const COPIED = [
  'title',
  'description',
  'security',
  'dataScience',
  'area',
  'phases',
  'owner',
  'tags',
  'controls',
] as const;

const same = (x: unknown, y: unknown) =>
  Array.isArray(x) && Array.isArray(y) ? x.length === y.length && x.every((v, i) => v === y[i]) : x === y;

/** The assessment with library text left out where it is unchanged. */
export function compactForShare(a: Assessment, library: readonly LibraryThreat[]): unknown {
  const byId = new Map(library.map((t) => [t.id, t]));
  return {
    ...a,
    risks: a.risks.map((risk) => {
      const threat = risk.threatId === null ? undefined : byId.get(risk.threatId);
      if (!threat) return risk;
      const copy = riskFrom(threat);
      const out: Record<string, unknown> = { ...risk };
      for (const key of COPIED) if (same(risk[key], copy[key])) delete out[key];
      return out;
    }),
  };
}

/** Untrusted JSON from a link with the left-out library text filled back in; other values untouched. */
export function expandShared(value: unknown, library: readonly LibraryThreat[]): unknown {
  if (typeof value !== 'object' || value === null || !Array.isArray((value as { risks?: unknown }).risks))
    return value;
  const byId = new Map(library.map((t) => [t.id, t]));
  const risks = (value as { risks: unknown[] }).risks.map((risk) => {
    if (typeof risk !== 'object' || risk === null) return risk;
    const threatId = (risk as { threatId?: unknown }).threatId;
    const threat = typeof threatId === 'string' ? byId.get(threatId) : undefined;
    if (!threat) return risk;
    const copy = riskFrom(threat);
    const filled: Record<string, unknown> = { ...(risk as Record<string, unknown>) };
    for (const key of COPIED) if (!Object.hasOwn(filled, key)) filled[key] = copy[key];
    return filled;
  });
  return { ...(value as object), risks };
}

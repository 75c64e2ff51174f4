/**
 * Pure transformation from the ATLAS data file and the reference identifiers into the
 * project's taxonomy file (src/data/taxonomy.json). IDs and names only.
 */

export type SchemeKey = 'atlas' | 'owasp-ml' | 'owasp-llm' | 'nist' | 'reg';

export interface TaxonomyEntry {
  /** Canonical identifier, e.g. AML.T0020, ML02:2023, LLM01:2026, MAP, GDPR. */
  id: string;
  /** Public name of the entry. */
  name: string;
  /** ATLAS only: tactic, technique, sub-technique or mitigation. */
  kind?: 'tactic' | 'technique' | 'sub-technique' | 'mitigation';
  /** ATLAS techniques: the tactics they serve. */
  tactics?: string[];
  /** ATLAS sub-techniques: the parent technique. */
  parent?: string;
}

export interface TaxonomyFile {
  atlasVersion: string;
  schemes: Record<SchemeKey, { title: string; entries: TaxonomyEntry[] }>;
}

interface AtlasObject {
  id: string;
  name: string;
  tactics?: string[];
  'subtechnique-of'?: string;
}

interface AtlasData {
  version: string;
  matrices: Array<{ tactics: AtlasObject[]; techniques: AtlasObject[]; mitigations?: AtlasObject[] }>;
}

interface ReferenceData {
  owasp_ml_top10_2023: { entries: Record<string, string> };
  owasp_llm_top10_2026: { entries: Record<string, string> };
  owasp_llm_top10_2025?: { entries: Record<string, string> };
  nist_ai_rmf_1_0: { entries: Record<string, string> };
  regulations: Record<string, string>;
}

const byId = (a: TaxonomyEntry, b: TaxonomyEntry) => a.id.localeCompare(b.id);

function fromRecord(record: Record<string, string>): TaxonomyEntry[] {
  return Object.entries(record)
    .map(([id, name]) => ({ id, name }))
    .sort(byId);
}

export function buildTaxonomy(atlas: AtlasData, reference: ReferenceData): TaxonomyFile {
  const matrix = atlas.matrices[0];
  if (!matrix) throw new Error('ATLAS data has no matrix');
  const atlasEntries: TaxonomyEntry[] = [
    ...matrix.tactics.map((t) => ({ id: t.id, name: t.name, kind: 'tactic' as const })),
    ...matrix.techniques.map((t) =>
      t['subtechnique-of']
        ? { id: t.id, name: t.name, kind: 'sub-technique' as const, parent: t['subtechnique-of'] }
        : { id: t.id, name: t.name, kind: 'technique' as const, tactics: [...(t.tactics ?? [])].sort() },
    ),
    ...(matrix.mitigations ?? []).map((m) => ({ id: m.id, name: m.name, kind: 'mitigation' as const })),
  ].sort(byId);

  return {
    atlasVersion: String(atlas.version),
    schemes: {
      atlas: { title: 'MITRE ATLAS', entries: atlasEntries },
      'owasp-ml': {
        title: 'OWASP Machine Learning Security Top 10 (2023)',
        entries: fromRecord(reference.owasp_ml_top10_2023.entries),
      },
      'owasp-llm': {
        title: 'OWASP Top 10 for LLM Applications',
        entries: fromRecord({
          ...(reference.owasp_llm_top10_2025?.entries ?? {}),
          ...reference.owasp_llm_top10_2026.entries,
        }),
      },
      nist: { title: 'NIST AI RMF 1.0', entries: fromRecord(reference.nist_ai_rmf_1_0.entries) },
      reg: { title: 'Regulation', entries: fromRecord(reference.regulations) },
    },
  };
}

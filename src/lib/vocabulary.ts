/**
 * The board's fixed vocabularies, free of Zod so browser code can import them without
 * bundling the schema library. The schemas in src/schemas build their enums from these.
 */

/** Severity of a risk, highest first; `unrated` when no `severity:` label is set. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'unrated'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Lifecycle phases of an AI system (label `phase:…`), in lifecycle order. */
export const PHASES = ['data', 'training', 'evaluation', 'deployment', 'monitoring', 'governance'] as const;
export type Phase = (typeof PHASES)[number];

/** The team that owns a piece of guidance, a checklist item or a risk. */
export const OWNERS = ['security', 'data-science', 'shared'] as const;
export type Owner = (typeof OWNERS)[number];

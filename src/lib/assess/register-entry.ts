/**
 * One accepted risk as the register's exports see it: everything an issue, the Markdown and
 * JSON registers and the gh script need, with no reference back to the workshop's model.
 * src/lib/assess/to-entry.ts builds it; every string in it came from a person and is untrusted.
 */
import type { Phase } from '../vocabulary.ts';
import type { Band } from './severity.ts';

export interface TeamScore {
  likelihood: number;
  impact: number;
}

export interface RegisterEntry {
  system: { name: string; purpose: string };
  /** The assessment's name and the day it was last changed (YYYY-MM-DD). */
  assessment: { name: string; date: string };
  /** The risk's id within the assessment (a threat id, or `custom-<n>`). */
  id: string;
  title: string;
  description: string;
  owner: 'security' | 'data-science' | 'shared';
  phases: Phase[];
  /** Canonical taxonomy tags: `atlas:AML.T0053`, `owasp-llm:LLM03:2026`, `nist:MANAGE`, `reg:GDPR`. */
  tags: string[];
  band: Band;
  ratings: { security: TeamScore | null; dataScience: TeamScore | null; agreed: TeamScore };
  /** The teams differed by 2 or more on likelihood or impact. */
  discuss: boolean;
  /** What each team looks for, or said in the workshop. */
  views: { security: string; dataScience: string };
  /** Guidance that controls the risk; `path` is site-relative, base included (`/tandem/practices/x/`). */
  controls: { kind: 'practice' | 'checklist' | 'module'; title: string; path: string }[];
  notes: string;
}

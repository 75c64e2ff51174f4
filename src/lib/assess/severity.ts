/**
 * Severity of a rated risk: likelihood × impact on the 5 × 5 scale, placed in the bands of the
 * shared module "Joint risk assessment", Step 3 (content/modules/shared/joint-risk-assessment.mdx),
 * which match the board's `severity:` labels. No product of two scores from 1 to 5 falls in
 * 17–19, so the bands cover every score there is.
 */
import type { Rating } from './assessment.ts';

export type Band = 'low' | 'medium' | 'high' | 'critical';

export const BANDS: readonly { band: Band; min: number; max: number; label: string }[] = [
  { band: 'low', min: 1, max: 4, label: 'Low' },
  { band: 'medium', min: 5, max: 9, label: 'Medium' },
  { band: 'high', min: 10, max: 16, label: 'High' },
  { band: 'critical', min: 20, max: 25, label: 'Critical' },
];

/** Likelihood × impact, or null until both are set. */
export function scoreOf(r: Rating): number | null {
  return r.likelihood !== null && r.impact !== null ? r.likelihood * r.impact : null;
}

/** The band a rating falls in, or null until both dimensions are set. */
export function bandOf(r: Rating): Band | null {
  const score = scoreOf(r);
  if (score === null) return null;
  return BANDS.find((b) => score >= b.min && score <= b.max)?.band ?? null;
}

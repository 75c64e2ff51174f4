import type { ThreatArea } from './areas.ts';
import { holds, type Condition } from './condition.ts';
import { profileFacts, type SystemProfile } from './profile.ts';

/** The part of a threat the selection reads. */
export interface Selectable {
  id: string;
  area: ThreatArea;
  appliesWhen: Condition;
}

/** Whether a threat applies to a profile. */
export function applies(
  threat: Selectable,
  profile: Pick<SystemProfile, 'data' | 'model' | 'deployment'>,
): boolean {
  return holds(threat.appliesWhen, profileFacts(profile));
}

/** The threats a profile selects, in library order. */
export function selectThreats<T extends Selectable>(
  threats: readonly T[],
  profile: Pick<SystemProfile, 'data' | 'model' | 'deployment'>,
): T[] {
  const facts = profileFacts(profile);
  return threats.filter((threat) => holds(threat.appliesWhen, facts));
}

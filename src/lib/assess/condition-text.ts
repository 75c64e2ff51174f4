import type { Condition } from './condition.ts';
import { PROFILE_FACTS, type FactGroup } from './profile.ts';

/** A condition in words, for the library and the review step: "Agent that calls tools, and any of: …". */
export function conditionText(condition: Condition): string {
  if (typeof condition === 'string') {
    if (condition === 'always') return 'Every AI system';
    const [group, value] = condition.split(':') as [FactGroup, string];
    return (PROFILE_FACTS[group] as Record<string, string>)[value] ?? condition;
  }
  if ('not' in condition) return `not (${conditionText(condition.not)})`;
  const parts = ('any' in condition ? condition.any : condition.all).map((c) =>
    typeof c === 'string' ? conditionText(c) : `(${conditionText(c)})`,
  );
  if (parts.length === 1) return parts[0]!;
  return 'any' in condition ? `any of: ${parts.join('; ')}` : parts.join(', and ');
}

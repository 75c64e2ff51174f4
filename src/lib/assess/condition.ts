/**
 * When a threat applies, as a small expression over profile facts:
 * `always`, a fact (`model:agent-tools`), or `{ any: [...] }`, `{ all: [...] }`, `{ not: ... }`.
 * Free of Zod so the browser can evaluate it; the threat schema validates with `readCondition`.
 */
import { FACTS } from './profile.ts';

export type Condition = 'always' | string | { any: Condition[] } | { all: Condition[] } | { not: Condition };

/** Checks a parsed YAML value; returns the condition or the first problem, with its path. */
export function readCondition(
  value: unknown,
  path = 'appliesWhen',
): { ok: true } | { ok: false; error: string } {
  if (typeof value === 'string') {
    if (value === 'always' || FACTS.includes(value)) return { ok: true };
    return {
      ok: false,
      error: `${path}: unknown fact "${value}"; use "always" or one of ${FACTS.join(', ')}`,
    };
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const keys = Object.keys(value);
    const [key] = keys;
    if (keys.length !== 1 || !['any', 'all', 'not'].includes(key ?? ''))
      return {
        ok: false,
        error: `${path}: write exactly one of any, all or not (got ${keys.join(', ') || 'nothing'})`,
      };
    const inner = (value as Record<string, unknown>)[key as string];
    if (key === 'not') return readCondition(inner, `${path}.not`);
    if (!Array.isArray(inner) || inner.length === 0)
      return { ok: false, error: `${path}.${key}: needs a non-empty list of conditions` };
    for (const [i, part] of inner.entries()) {
      const result = readCondition(part, `${path}.${key}[${i}]`);
      if (!result.ok) return result;
    }
    return { ok: true };
  }
  return { ok: false, error: `${path}: expected "always", a fact such as model:agent-tools, or any/all/not` };
}

/** Whether a condition holds for a set of facts. */
export function holds(condition: Condition, facts: ReadonlySet<string>): boolean {
  if (typeof condition === 'string') return condition === 'always' || facts.has(condition);
  if ('any' in condition) return condition.any.some((c) => holds(c, facts));
  if ('all' in condition) return condition.all.every((c) => holds(c, facts));
  return !holds(condition.not, facts);
}

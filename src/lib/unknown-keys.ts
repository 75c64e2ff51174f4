/**
 * Error text for a key no content schema knows (a typo such as `lastReviwed:`, or `atlas: [...]`
 * written where a tag belongs): names the key, suggests the nearest known key and lists them all.
 * Passed as the `error` of a strict object schema; schemas extended from it inherit it.
 */

/** Levenshtein distance, small strings only. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** The known key a typo most likely meant, if any is close. */
export function nearestKey(key: string, known: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  const scored = known
    .map((k) => ({ k, d: distance(lower, k.toLowerCase()) }))
    .filter(({ d }) => d <= Math.max(2, Math.floor(key.length / 4)))
    .sort((a, b) => a.d - b.d);
  return scored[0]?.k;
}

/** The message for unknown keys, given the keys and the object's known keys. */
export function unknownKeysMessage(keys: readonly string[], known: readonly string[]): string {
  const each = keys.map((key) => {
    const near = nearestKey(key, known);
    if (key === 'atlas' || key === 'owasp' || key === 'nist') {
      return `unknown key "${key}": taxonomy IDs go in tags, written as ${key}:ID`;
    }
    return near ? `unknown key "${key}" (did you mean "${near}"?)` : `unknown key "${key}"`;
  });
  return `${each.join('; ')}; known keys: ${known.join(', ')}`;
}

interface IssueLike {
  code?: string;
  keys?: readonly string[];
  inst?: unknown;
}

/** A zod `error` option for strict objects: rewrites unknown-key issues, leaves others alone. */
export function unknownKeysError(issue: IssueLike): string | undefined {
  if (issue.code !== 'unrecognized_keys' || !issue.keys) return undefined;
  const shape = (issue.inst as { shape?: Record<string, unknown> } | undefined)?.shape ?? {};
  return unknownKeysMessage(issue.keys, Object.keys(shape));
}

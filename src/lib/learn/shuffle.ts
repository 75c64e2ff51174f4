/**
 * Option order of one knowledge-check attempt: a Fisher–Yates permutation of `0..n-1`, so the
 * source order of the options tells the reader nothing. `random` returns numbers in [0, 1).
 */
export function permutation(n: number, random: () => number = Math.random): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

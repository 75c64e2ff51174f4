/**
 * Edit distance with adjacent transpositions (optimal string alignment), stopping as soon as
 * it must exceed `max`: "embedidng" is one edit from "embedding", "trackign" from "tracking".
 */
export function withinEdits(a: string, b: string, max: number): number | null {
  if (Math.abs(a.length - b.length) > max) return null;
  let before = new Array<number>(b.length + 1);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, before[j - 2]! + 1);
      current[j] = d;
      if (d < best) best = d;
    }
    if (best > max) return null;
    before = previous;
    previous = current;
  }
  return previous[b.length]! <= max ? previous[b.length]! : null;
}

/** Edits allowed for a word of this length. */
export const allowedEdits = (length: number): number => (length >= 9 ? 2 : 1);

/**
 * Edit distance with adjacent transpositions (optimal string alignment), stopping as soon as
 * it must exceed `max`: "embedidng" is one edit from "embedding", "trackign" from "tracking".
 * Three rows of the usual table, kept between calls: a typo scans every word of a shard.
 */
let rows = [new Int32Array(0), new Int32Array(0), new Int32Array(0)];

export function withinEdits(a: string, b: string, max: number): number | null {
  if (Math.abs(a.length - b.length) > max) return null;
  if (rows[0]!.length < b.length + 1) rows = rows.map(() => new Int32Array(b.length + 33));
  let [before, previous, current] = rows as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
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
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length]! <= max ? previous[b.length]! : null;
}

/** Edits allowed for a word of this length. */
export const allowedEdits = (length: number): number => (length >= 9 ? 2 : 1);

/*
 * Jaro-Winkler similarity (0..1) for fuzzy name matching inside a dedupe
 * block. Works on UTF-16 code units, which is exact for the folded,
 * accent-free names dedupe feeds it and close enough for other scripts.
 */

let scratchA = new Uint8Array(64);
let scratchB = new Uint8Array(64);

/** Jaro similarity: shared characters within a sliding window, penalised for transpositions. */
export function jaro(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  // Dedupe calls this millions of times: reuse the scratch buffers.
  if (scratchA.length < la) scratchA = new Uint8Array(la * 2);
  if (scratchB.length < lb) scratchB = new Uint8Array(lb * 2);
  const matchedA = scratchA;
  const matchedB = scratchB;
  matchedA.fill(0, 0, la);
  matchedB.fill(0, 0, lb);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const from = Math.max(0, i - window);
    const to = Math.min(lb - 1, i + window);
    const ca = a.charCodeAt(i);
    for (let j = from; j <= to; j++) {
      if (matchedB[j] === 0 && b.charCodeAt(j) === ca) {
        matchedA[i] = 1;
        matchedB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (matchedA[i] === 0) continue;
    while (matchedB[k] === 0) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions++;
    k++;
  }
  const m = matches;
  return (m / la + m / lb + (m - transpositions / 2) / m) / 3;
}

/**
 * Jaro-Winkler: Jaro boosted for a common prefix (up to 4 characters,
 * scaling factor 0.1), the standard parameters.
 */
export function jaroWinkler(a: string, b: string): number {
  const j = jaro(a, b);
  if (j === 0) return 0;
  let prefix = 0;
  const max = Math.min(4, a.length, b.length);
  while (prefix < max && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return j + prefix * 0.1 * (1 - j);
}

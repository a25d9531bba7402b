/**
 * Turns what the user types into a safe FTS5 query: words only (so quotes, operators and column
 * filters in the input are never interpreted), every word must appear, each as a prefix so results
 * update while the last word is still being typed.
 */
const TOKEN_RE = /[\p{L}\p{N}]+/gu;
const MAX_TOKENS = 12;

export function toFtsQuery(text: string): string | null {
  const tokens = [...text.normalize('NFC').matchAll(TOKEN_RE)].map((m) => m[0]).slice(0, MAX_TOKENS);
  if (tokens.length === 0) return null;
  return tokens.map((t) => `"${t}"*`).join(' ');
}

/*
 * A row that holds nothing: every cell empty, or part of a line drawn across the table, as a Markdown
 * table's "|---|:---:|", a database shell's "+------+-------+" or "=====" under a title leave one
 * when pasted as text. The pipeline counts such rows as blank, the footer walk passes over them, and
 * the mapping's sample leaves them out.
 */
const LINE_CHARS = ':|+=_-';
const RULE = new RegExp(`^[\\s${LINE_CHARS}]*$`);
const DRAWS_LINE = new Set([...LINE_CHARS].map((c) => c.charCodeAt(0)));

/** Whether the character `code` may be part of a line drawn across a table. */
export function drawsLine(code: number): boolean {
  return DRAWS_LINE.has(code);
}

export function isBlankRow(cells: readonly string[]): boolean {
  for (const c of cells) {
    // Most cells start with a visible character that draws no line: decide without allocating.
    if (c === '') continue;
    const first = c.charCodeAt(0);
    if (first > 0x20 && first !== 0xa0 && !drawsLine(first)) return false;
    if (!RULE.test(c)) return false;
  }
  return true;
}

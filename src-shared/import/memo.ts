/*
 * Bounded memos for per-value cleaning steps. Values (names, cities,
 * company names) repeat down a column: computing each once is faster, and
 * rows then share one string instead of each holding its own copy.
 *
 * Only values up to MEMO_MAX_LENGTH characters are kept, and a memo is
 * emptied when it reaches MEMO_MAX_ENTRIES, so what it holds on to after an
 * import stays small.
 */

/** Short values are the ones that repeat; the bound also bounds the memory a memo keeps. */
const MEMO_MAX_LENGTH = 200;
const MEMO_MAX_ENTRIES = 20_000;

/**
 * A copy of `s` that does not keep alive the text it was cut from: a cell
 * is a slice of the whole file's text, and a memo that kept the slice would
 * keep that text after the import is over.
 */
export function detached(s: string): string {
  return (' ' + s).slice(1);
}

/** `detached` for a result that may be null (no value). */
export function detachedOrNull(s: string | null): string | null {
  return s === null ? null : detached(s);
}

/**
 * `compute`, memoised per value. `detach` copies the strings of a result
 * (with `detached`) so that the memo holds no slice of a file's text.
 */
export function valueMemo<V>(compute: (value: string) => V, detach: (result: V) => V): (value: string) => V {
  const memo = new Map<string, V>();
  return (value) => {
    if (value.length > MEMO_MAX_LENGTH) return compute(value);
    let result = memo.get(value);
    if (result === undefined) {
      result = detach(compute(value));
      if (memo.size >= MEMO_MAX_ENTRIES) memo.clear();
      memo.set(detached(value), result);
    }
    return result;
  };
}

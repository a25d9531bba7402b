/** Cuts `s` to at most `max` UTF-16 units without splitting a surrogate pair. */
export function truncateCell(s: string, max: number): string {
  let end = max;
  const last = s.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return s.slice(0, end);
}

/** Splits items into consecutive chunks of at most `size`, order kept (one chunk = one request). */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`chunk size must be a positive integer, got ${size}`);
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export const requestCount = (items: number, size: number): number => Math.ceil(items / size);

/*
 * JSON read back from the database. It was checked when it was written, but a damaged or hand-edited
 * database must cost the one value that cannot be read, not the screen or the list that shows it: each
 * reader says what stands in for an unreadable value.
 */
import type { z } from 'zod';

/** `text` parsed and checked against `schema`, or null when it is not JSON or not of that shape. */
export function storedJson<T>(schema: z.ZodType<T>, text: string): T | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = schema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

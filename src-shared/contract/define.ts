import { z } from 'zod';
import { AppErrorShape } from '../errors';

/** One request/response call of the contract: both sides are zod schemas, parsed at every boundary. */
export interface CallSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
}

export const call = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O): CallSpec<I, O> => ({
  input,
  output,
});

export type CallMap = Record<string, CallSpec>;
export type EventMap = Record<string, z.ZodType>;

/** Joins per-domain maps; a name defined twice is a programming error caught at start-up. */
export function mergeMaps<A extends Record<string, unknown>, B extends Record<string, unknown>>(
  a: A,
  b: B,
): A & B {
  for (const key of Object.keys(b)) {
    if (Object.prototype.hasOwnProperty.call(a, key)) throw new Error(`Contract name defined twice: ${key}`);
  }
  return { ...a, ...b };
}

export const Empty = z.object({}).strict();
export const Ok = z.object({ ok: z.literal(true) });

/** What every transport returns: a value or a typed error, never a thrown stack. */
export const Envelope = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: AppErrorShape }),
]);
export type Envelope = z.infer<typeof Envelope>;

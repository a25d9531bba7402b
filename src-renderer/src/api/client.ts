import { useEffect, useRef } from 'react';
import {
  calls,
  events,
  type CallInput,
  type CallName,
  type CallOutput,
  type EncodedInput,
  type EventName,
  type EventPayload,
} from '../../../src-shared/contract';
import { Envelope } from '../../../src-shared/contract/define';
import type { ErrorCode } from '../../../src-shared/errors';
import { getBridge } from './bridge';

/** A failed call: `message` is plain language, written for the user, and safe to show as-is. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode | 'bad_response',
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Turns anything thrown into a user-facing sentence (ApiError messages are already written for people). */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  return 'Something unexpected went wrong. Details are in the log (Settings → Reveal logs).';
}

/** The host's answer to `name`, parsed again here, because it crossed a process (or network) boundary. */
function answer<K extends CallName>(name: K, raw: unknown): CallOutput<K> {
  const envelope = Envelope.safeParse(raw);
  if (!envelope.success) throw new ApiError('bad_response', `LeadPrep gave an unreadable answer to ${name}.`);
  if (!envelope.data.ok) throw new ApiError(envelope.data.error.code, envelope.data.error.message);
  const output = calls[name].output.safeParse(envelope.data.value);
  if (!output.success) throw new ApiError('bad_response', `LeadPrep gave an unexpected answer to ${name}.`);
  return output.data as CallOutput<K>;
}

/** Calls the core through whichever host we run in. Input and output types come from the contract. */
async function call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>> {
  return answer(name, await getBridge().invoke(name, input));
}

/** The same, with an input a worker already encoded (`encodeInput`): this thread only passes the bytes on. */
async function callJson<K extends CallName>(name: K, json: EncodedInput<K>): Promise<CallOutput<K>> {
  return answer(name, await getBridge().invokeJson(name, json));
}

export const api = { call, callJson };

/** Subscribes to one main -> renderer event for the component's lifetime; payloads are parsed first. */
export function useEvent<E extends EventName>(name: E, handler: (payload: EventPayload<E>) => void): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(
    () =>
      getBridge().on(name, (payload) => {
        const parsed = events[name].safeParse(payload);
        if (parsed.success) latest.current(parsed.data as EventPayload<E>);
      }),
    [name],
  );
}

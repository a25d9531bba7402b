import type { z } from 'zod';
import { mergeMaps, type CallSpec } from './define';
import { settingsCalls, settingsEvents } from './settings';
import { importsCalls, importsEvents } from './imports';
import { reviewCalls, reviewEvents } from './review';
import { generationCalls, generationEvents } from './generation';
import { pushCalls, pushEvents } from './push';

export { encodeInput, isBytes, type EncodedInput } from './encoded';

/**
 * The whole IPC/HTTP contract: every call's input and output and every main -> renderer event.
 * Domains declare their own maps; they are joined here and nowhere else.
 */
export const calls = mergeMaps(
  mergeMaps(mergeMaps(mergeMaps(mergeMaps({}, settingsCalls), importsCalls), reviewCalls), generationCalls),
  pushCalls,
);
export const events = mergeMaps(
  mergeMaps(
    mergeMaps(mergeMaps(mergeMaps({}, settingsEvents), importsEvents), reviewEvents),
    generationEvents,
  ),
  pushEvents,
);

export type Calls = typeof calls;
export type CallName = keyof Calls & string;
export type Events = typeof events;
export type EventName = keyof Events & string;

type SpecOf<K extends CallName> =
  Calls[K] extends CallSpec<infer I, infer O> ? { input: I; output: O } : never;
/** What a caller passes (before parsing, so defaults may be omitted). */
export type CallInput<K extends CallName> = z.input<SpecOf<K>['input']>;
/** What a handler receives (after parsing). */
export type HandlerInput<K extends CallName> = z.output<SpecOf<K>['input']>;
export type CallOutput<K extends CallName> = z.output<SpecOf<K>['output']>;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export type Handlers = { [K in CallName]: (input: HandlerInput<K>) => Promise<CallOutput<K>> };

export const isCallName = (name: unknown): name is CallName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(calls, name);
export const isEventName = (name: unknown): name is EventName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);

/** The object the preload exposes as `window.leadprep`, and the web client implements over HTTP. */
export interface LeadPrepBridge {
  invoke(name: CallName, input: unknown): Promise<unknown>;
  /** The same call with its input already encoded (`encodeInput`); the host parses it as JSON, then as the call's input. */
  invokeJson(name: CallName, json: Uint8Array<ArrayBuffer>): Promise<unknown>;
  on(event: EventName, listener: (payload: unknown) => void): () => void;
}

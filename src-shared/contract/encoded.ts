// Type-only imports: the import worker uses this without loading the contract's schemas.
import type { CallInput, CallName } from './index';

declare const encodedFor: unique symbol;
/** A call's input serialised as UTF-8 JSON by `encodeInput`, typed by the call it was built for. */
export type EncodedInput<K extends CallName> = Uint8Array<ArrayBuffer> & { readonly [encodedFor]: K };

/**
 * Serialises a large input where it was built (a worker), so that it crosses to the host as bytes:
 * the UI thread neither copies the objects out of the worker nor serialises them again.
 */
export function encodeInput<K extends CallName>(_name: K, input: CallInput<K>): EncodedInput<K> {
  return new TextEncoder().encode(JSON.stringify(input)) as EncodedInput<K>;
}

/**
 * Whether `value` is a Uint8Array from any realm: a value copied across Electron's context bridge or
 * IPC may come from another realm's constructor, where `instanceof` would say no.
 */
export function isBytes(value: unknown): value is Uint8Array<ArrayBuffer> {
  return Object.prototype.toString.call(value) === '[object Uint8Array]';
}

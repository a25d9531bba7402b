import { sha256Hex } from './sha256';
import type { SegmentflowProfileSettings } from './types';

/**
 * Stable identity of a Segmentflow profile's email: the template, sender profile and from address
 * decide what the recipient gets. Renaming a profile keeps its identity; pointing it at another
 * template makes a different email (and therefore different idempotency keys).
 */
export function segmentflowIdentity(p: SegmentflowProfileSettings): string {
  return `tpl:${p.templateId.toLowerCase()}|sender:${(p.senderProfileId ?? '').toLowerCase()}|from:${(p.from ?? '').trim().toLowerCase()}`;
}

/**
 * Segmentflow idempotencyKey: one per (profile identity, lead, step). Segmentflow replays a known
 * key instead of sending again, so a retried or crash-repeated chunk can never email anyone twice.
 */
export function segmentflowKey(identity: string, emailKey: string, step: number): string {
  return `lp_${sha256Hex(`segmentflow|${identity}|${emailKey}|${step}`)}`;
}

/** Instantly/Sendkit have no idempotency keys; this one only identifies the item within LeadPrep. */
export function leadItemKey(
  destination: 'instantly' | 'sendkit',
  targetKey: string,
  emailKey: string,
): string {
  return `lp_${sha256Hex(`${destination}|${targetKey}|${emailKey}`)}`;
}

/** Which destination+target a push went to, for the "already pushed there" warning. */
export function targetKeyOf(
  spec:
    | { destination: 'instantly'; target: { kind: string; id: string } }
    | { destination: 'sendkit'; target: { id: string } },
): string {
  return spec.destination === 'instantly'
    ? `instantly:${spec.target.kind}:${spec.target.id.toLowerCase()}`
    : `sendkit:campaign:${spec.target.id}`;
}

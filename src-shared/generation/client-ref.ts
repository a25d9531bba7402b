/**
 * The client reference that makes a non-idempotent generate-batch reconcilable: written to the batch
 * row before the POST and embedded in `options.list_name`, so the list MachFive created can be found
 * again with GET /api/v1/lists after a lost answer.
 */

const REF_RE = /\[(lp-\d+-\d+-[a-z0-9]{6,})\]/;
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

export function makeClientRef(runId: number, seq: number, random: () => number = Math.random): string {
  let tail = '';
  for (let i = 0; i < 8; i++) tail += ALPHABET[Math.floor(random() * ALPHABET.length) % ALPHABET.length];
  return `lp-${runId}-${seq}-${tail}`;
}

/** MachFive shows this name; the bracketed reference keeps it findable and readable by people too. */
export function listNameFor(userListName: string | undefined | null, clientRef: string): string {
  const base = (userListName ?? '').trim();
  return base ? `${base} [${clientRef}]` : `LeadPrep [${clientRef}]`;
}

/** The reference inside a list's custom_name, or null when the list was not created by LeadPrep. */
export function parseClientRef(listName: string | null | undefined): string | null {
  if (!listName) return null;
  const m = REF_RE.exec(listName);
  return m?.[1] ?? null;
}

/** True when `listName` carries exactly this reference (not merely a prefix of a longer one). */
export function listNameHasRef(listName: string | null | undefined, clientRef: string): boolean {
  return parseClientRef(listName) === clientRef;
}

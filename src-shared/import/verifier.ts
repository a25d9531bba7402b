/*
 * What an email verifier wrote about each address. Founders often run a list through one (Hunter,
 * ZeroBounce, NeverBounce, MillionVerifier…) or export it from a tool that did (Apollo's "Email
 * Status", Snov's "Email status") before importing it. An address the verifier found undeliverable
 * would spend MachFive credits and hurt the sender's reputation, so a column of such verdicts can mark
 * those rows invalid; so can a sending tool's column of the addresses that bounced.
 */
import { marksColumn, saysMark, type FileMark } from './file-marks';

/** Verdicts meaning no mailbox takes mail at the address, or mailing it does harm (a spam trap). */
const UNDELIVERABLE = new Set([
  'invalid',
  'not valid',
  'undeliverable',
  'bounced',
  'bounce',
  'hard bounce',
  'spamtrap',
  'spam trap',
  'abuse',
  'do not mail',
  'mailbox not found',
  'does not exist',
]);

/**
 * Verdicts of a verifier that could not tell: a catch-all domain takes mail for any address, so a
 * message there may bounce later. Sending is the user's call ("Exclude unconfirmed" in Clean & dedupe).
 */
const UNCONFIRMED = new Set([
  'catch all',
  'catchall',
  'accept all',
  'acceptall',
  'unknown',
  'risky',
  // MillionVerifier's, when the check itself failed.
  'error',
]);

/** Every other verdict verifiers and lead tools write; none of them stops a row. */
const OTHER_VERDICTS = new Set([
  'valid',
  'deliverable',
  'verified',
  'unverified',
  'ok',
  'safe',
  'guessed',
  // Apollo's: a pattern's guess (older exports), and addresses its team or the user still handles.
  'extrapolated',
  'pending manual fulfillment',
  'user managed',
  'new data available',
  // Hunter's for a free-mail address.
  'webmail',
  'likely to engage',
  'unavailable',
  'role',
  'disposable',
  'free',
  'pending',
]);

const VERDICTS = new Set([...UNDELIVERABLE, ...UNCONFIRMED, ...OTHER_VERDICTS]);

/** "Catch-All", "do_not_mail", " Invalid " → "catch all", "do not mail", "invalid". */
function verdictKey(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');
}

/** What a verifier's verdict says of the address, as the flag it gives the row (none for a good one). */
export function verdictFlag(value: string): 'verifier_undeliverable' | 'verifier_unconfirmed' | null {
  const key = verdictKey(value);
  if (UNDELIVERABLE.has(key)) return 'verifier_undeliverable';
  return UNCONFIRMED.has(key) ? 'verifier_unconfirmed' : null;
}

// Words of a header that may name a verifier's column ("Email Status", "Verification status", "ZB
// Status", "result"): a column of "Unknown" under "Seniority" is no verdict on the address.
const VERDICT_HEADER_WORDS = new Set([
  'email',
  'mail',
  'status',
  'verification',
  'verified',
  'verify',
  'result',
  'quality',
  'valid',
  'validity',
  'check',
  'deliverability',
  'bounce',
]);

/** Whether a header may name a verifier's column; `words` as `foldWords` gives them. */
export function mayNameVerdicts(words: readonly string[]): boolean {
  return words.some((w) => VERDICT_HEADER_WORDS.has(w));
}

/** Share of a column's non-empty values that must be verdicts for it to be taken for a verifier's. */
const VERDICT_SHARE = 0.8;

/** Whether a column holds a verifier's verdicts: nearly every value it has is one. */
export function holdsVerdicts(values: readonly string[]): boolean {
  let filled = 0;
  let verdicts = 0;
  for (const v of values) {
    const key = verdictKey(v);
    if (key === '') continue;
    filled++;
    if (VERDICTS.has(key)) verdicts++;
  }
  return filled > 0 && verdicts >= filled * VERDICT_SHARE;
}

/** The reason an address the verifier found undeliverable gives its row. */
export const UNDELIVERABLE_REASON = 'Your email verifier marked this address undeliverable';

/** The reason an address the file marks as bounced gives its row. */
export const BOUNCED_REASON = 'This address bounced before, as the file says';

const BOUNCES: FileMark = {
  // Folded headers of a column of the addresses that bounced: yes or no (Apollo's "Email Bounced"),
  // when (Salesforce's "Email Bounced Date"; "CLEAN_TIME" in Mailchimp's file of the addresses it
  // cleaned off a list for bouncing), or how many times (lemlist's "emailsBounced", HubSpot's
  // "Marketing emails bounced").
  header:
    /^(?:(?:email)?(?:hard)?bounced?(?:date|time|at|on)?|cleantime|(?:marketing)?emailsbounced|bounces|bouncecount)$/,
  counted: true,
  // A status that says the address bounced (a sending tool's "Status": Bounced).
  status: /^(?:email |hard[ -]?)?bounced?$/i,
};

/** Whether a cell of a column that marks bounces says the address bounced: a yes mark, the status, or when. */
export function saysBounced(value: string): boolean {
  return saysMark(BOUNCES, value);
}

/**
 * Whether a column marks the addresses that bounced: named so and holding only yes and no marks or
 * dates, or a status column where some row says so. A sending tool's export says so of the addresses
 * it already wrote to.
 */
export function marksBounces(header: string, values: readonly string[]): boolean {
  return marksColumn(BOUNCES, header, values);
}

/** What the row says of an address the verifier could not confirm. */
export const UNCONFIRMED_NOTE = 'Your email verifier could not confirm this address (catch-all or unknown)';

/** What a verifier, or a bounce, said of the address as read. */
export type VerdictFlag = NonNullable<ReturnType<typeof verdictFlag>> | 'bounced';
export const VERDICT_FLAGS: readonly VerdictFlag[] = [
  'verifier_undeliverable',
  'verifier_unconfirmed',
  'bounced',
];

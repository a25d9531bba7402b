/**
 * Quality flags of a generated sequence, as a table of pure rules. Each rule looks at one lead's steps
 * (and the lead's own first name and company) and returns hits that say which step and field
 * triggered it and where ([start, end) UTF-16 offsets), so the review screen can highlight the text.
 */
import { z } from 'zod';
import { findPlaceholders, HTML_TAG_NAMES, mergeSpans, type Span } from './placeholders';
import { SPAM_WORDS } from './spam-words';
import { escapeRegExp } from '../regexp';

/**
 * Stored as bits of review_docs.flags_mask in this order: append new flags at the end, never reorder
 * or remove (a stored mask would change meaning).
 */
export const REVIEW_FLAGS = [
  'placeholder',
  'empty_subject',
  'empty_body',
  'long_subject',
  'long_body',
  'missing_steps',
  'no_first_name',
  'no_company',
  'spam_words',
  'duplicate_subject',
  'link',
  'html',
] as const;
export type ReviewFlag = (typeof REVIEW_FLAGS)[number];
export const ReviewFlagSchema = z.enum(REVIEW_FLAGS);

export const FLAG_INFO: Readonly<Record<ReviewFlag, { label: string; description: string }>> = {
  placeholder: {
    label: 'Unfilled placeholder',
    description: 'Text such as {{first_name}}, {company}, [Company] or <FirstName> was left in the email.',
  },
  empty_subject: { label: 'Empty subject', description: 'A step has no subject line.' },
  empty_body: { label: 'Empty body', description: 'A step has no body text.' },
  long_subject: {
    label: 'Long subject',
    description: 'A subject is longer than the subject limit (60 characters).',
  },
  long_body: { label: 'Long body', description: 'A body has more words than the body word limit.' },
  missing_steps: {
    label: 'Missing steps',
    description: 'Fewer steps came back than the run asked for (email_count).',
  },
  no_first_name: {
    label: 'First name not used',
    description: "Step 1 does not mention the lead's first name.",
  },
  no_company: { label: 'Company not used', description: "Step 1 does not mention the lead's company." },
  spam_words: {
    label: 'Spam words',
    description: 'Words that spam filters penalise (see the spam word list).',
  },
  duplicate_subject: { label: 'Duplicate subject', description: 'Two steps have the same subject.' },
  link: {
    label: 'Link in body',
    description: 'A body contains a link, which hurts deliverability of a first email.',
  },
  html: {
    label: 'HTML in body',
    description: 'A body contains HTML tags or entities; emails are sent as plain text.',
  },
};

export const StepField = z.enum(['subject', 'body']);
export type StepField = z.infer<typeof StepField>;

export const FlagHitSchema = z.object({
  flag: ReviewFlagSchema,
  step: z.number().int().nullable(),
  field: StepField.nullable(),
  spans: z.array(z.tuple([z.number().int(), z.number().int()])),
  message: z.string(),
});
export type FlagHit = z.infer<typeof FlagHitSchema>;

export interface FlagStep {
  step: number;
  subject: string;
  body: string;
}

export interface FlagInput {
  firstName: string | null;
  company: string | null;
  /** email_count the run asked for; null when unknown. */
  expectedSteps: number | null;
  steps: readonly FlagStep[];
}

export const FlagOptionsSchema = z.object({
  maxSubjectChars: z.number().int().min(10).max(500),
  maxBodyWords: z.number().int().min(10).max(5000),
});
export type FlagOptions = z.infer<typeof FlagOptionsSchema>;
export const DEFAULT_FLAG_OPTIONS: FlagOptions = { maxSubjectChars: 60, maxBodyWords: 250 };

export interface FlagRule {
  flag: ReviewFlag;
  check(input: FlagInput, options: FlagOptions): FlagHit[];
}

const hit = (
  flag: ReviewFlag,
  step: number | null,
  field: StepField | null,
  spans: Span[],
  message: string,
): FlagHit => ({
  flag,
  step,
  field,
  spans,
  message,
});

function matchSpans(re: RegExp, text: string, keep: (m: RegExpExecArray) => boolean = () => true): Span[] {
  const spans: Span[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (keep(m)) spans.push([m.index, m.index + m[0].length]);
    if (m[0].length === 0) re.lastIndex++;
  }
  return spans;
}

/** Per step and field, the spans a finder reports; one hit per field that has any. */
function perField(
  flag: ReviewFlag,
  steps: readonly FlagStep[],
  fields: readonly StepField[],
  find: (text: string) => Span[],
  message: (text: string, spans: Span[]) => string,
): FlagHit[] {
  const hits: FlagHit[] = [];
  for (const s of steps) {
    for (const field of fields) {
      const text = s[field];
      const spans = find(text);
      if (spans.length > 0) hits.push(hit(flag, s.step, field, spans, message(text, spans)));
    }
  }
  return hits;
}

const quoteSpans = (text: string, spans: Span[]) =>
  [...new Set(spans.map(([a, b]) => text.slice(a, b)))]
    .slice(0, 5)
    .map((t) => `"${t}"`)
    .join(', ');

const WORD_EDGE_BEFORE = '(?<![\\p{L}\\p{N}])';
const WORD_EDGE_AFTER = '(?![\\p{L}\\p{N}])';

/** Longest first so "free trial" is reported as one phrase, not as "free". */
const SPAM_RE = new RegExp(
  `${WORD_EDGE_BEFORE}(?:${[...SPAM_WORDS]
    .sort((a, b) => b.length - a.length)
    .map((w) => escapeRegExp(w).replace(/ /g, '\\s+'))
    .join('|')})${WORD_EDGE_AFTER}`,
  'giu',
);
/**
 * Trailing sentence punctuation is not part of the link. The first label after "www." holds no dot:
 * with one, a long run of dots could be split at every one of them.
 */
const LINK_RE =
  /\bhttps?:\/\/[^\s<>"')\]]*[^\s<>"')\].,;:!?]|\bwww\.[^\s<>"')\].]+\.[^\s<>"')\]]*[^\s<>"')\].,;:!?]/gi;
const TAG_RE = /<\/?([A-Za-z][A-Za-z0-9-]*)(\s[^<>]*)?\/?>|<!--/g;
const ENTITY_RE = /&(?:[a-z]{2,10}|#\d{1,6}|#x[0-9a-f]{1,6});/gi;

/** Lower-case, accents removed, so "Zoë" in the lead matches "Zoe" in the email and vice versa. */
export function foldText(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const isWordChar = (c: string | undefined) => c !== undefined && WORD_CHAR.test(c);

function isWordCode(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return WORD_CHAR.test(text[i] ?? '');
}

/**
 * Words are runs of letters and digits (apostrophes and hyphens inside a word keep it one word).
 * A char-code scan: a Unicode regex over every body was the slowest rule at 100k leads.
 */
export function countWords(text: string, limit: number): { count: number; overflowAt: number } {
  let count = 0;
  let overflowAt = -1;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    if (isWordCode(text, i)) {
      if (!inWord) {
        if (count === limit) overflowAt = i;
        count++;
        inWord = true;
      }
    } else {
      const c = text.charCodeAt(i);
      const joiner = c === 39 || c === 0x2019 || c === 45;
      if (!(inWord && joiner && isWordCode(text, i + 1))) inWord = false;
    }
  }
  return { count, overflowAt };
}

/**
 * Whole-word, accent- and case-insensitive containment. A plain indexOf scan with boundary checks:
 * building a Unicode-aware RegExp per lead costs more than all the other rules together at 100k leads.
 */
function containsWords(text: string, needle: string): boolean {
  const n = foldText(needle).replace(/\s+/g, ' ').trim();
  if (!n) return true;
  const hay = foldText(text).replace(/\s+/g, ' ');
  for (let i = hay.indexOf(n); i >= 0; i = hay.indexOf(n, i + 1)) {
    if (!isWordChar(hay[i - 1]) && !isWordChar(hay[i + n.length])) return true;
  }
  return false;
}

const LEGAL_SUFFIXES =
  /[\s,]+(?:inc|incorporated|llc|l\.l\.c|ltd|limited|corp|corporation|co|company|gmbh|ag|sa|sas|sarl|bv|nv|plc|pty|oy|ab|as|srl|spa|kk|pte|llp|lp)\.?$/i;

/** "Acme, Inc." is usually written "Acme" in an email: compare the name without its legal form. */
export function companyCore(company: string): string {
  let core = company.trim();
  for (let i = 0; i < 3 && LEGAL_SUFFIXES.test(core); i++) core = core.replace(LEGAL_SUFFIXES, '').trim();
  return core || company.trim();
}

const subjectKey = (s: string) => foldText(s).replace(/\s+/g, ' ').trim();

export const FLAG_RULES: readonly FlagRule[] = [
  {
    flag: 'placeholder',
    check: ({ steps }) =>
      perField(
        'placeholder',
        steps,
        ['subject', 'body'],
        findPlaceholders,
        (t, s) => `Unfilled placeholder ${quoteSpans(t, s)}.`,
      ),
  },
  {
    flag: 'empty_subject',
    check: ({ steps }) =>
      steps
        .filter((s) => s.subject.trim() === '')
        .map((s) => hit('empty_subject', s.step, 'subject', [], `Step ${s.step} has no subject.`)),
  },
  {
    flag: 'empty_body',
    check: ({ steps }) =>
      steps
        .filter((s) => s.body.trim() === '')
        .map((s) => hit('empty_body', s.step, 'body', [], `Step ${s.step} has no body.`)),
  },
  {
    flag: 'long_subject',
    check: ({ steps }, { maxSubjectChars }) =>
      steps.flatMap((s) => {
        const chars = [...s.subject];
        if (chars.length <= maxSubjectChars) return [];
        const start = chars.slice(0, maxSubjectChars).join('').length;
        return [
          hit(
            'long_subject',
            s.step,
            'subject',
            [[start, s.subject.length]],
            `Subject is ${chars.length} characters (limit ${maxSubjectChars}).`,
          ),
        ];
      }),
  },
  {
    flag: 'long_body',
    check: ({ steps }, { maxBodyWords }) =>
      steps.flatMap((s) => {
        const { count, overflowAt } = countWords(s.body, maxBodyWords);
        if (overflowAt < 0) return [];
        return [
          hit(
            'long_body',
            s.step,
            'body',
            [[overflowAt, s.body.length]],
            `Body is ${count} words (limit ${maxBodyWords}).`,
          ),
        ];
      }),
  },
  {
    flag: 'missing_steps',
    check: ({ steps, expectedSteps }) => {
      const got = new Set(steps.map((s) => s.step)).size;
      if (expectedSteps === null || got >= expectedSteps) return [];
      return [hit('missing_steps', null, null, [], `${got} of ${expectedSteps} steps came back.`)];
    },
  },
  {
    flag: 'no_first_name',
    check: ({ steps, firstName }) => {
      const s1 = steps.find((s) => s.step === 1);
      if (!s1 || !firstName?.trim() || containsWords(`${s1.subject}\n${s1.body}`, firstName)) return [];
      return [hit('no_first_name', 1, null, [], `Step 1 does not mention "${firstName.trim()}".`)];
    },
  },
  {
    flag: 'no_company',
    check: ({ steps, company }) => {
      const s1 = steps.find((s) => s.step === 1);
      if (!s1 || !company?.trim() || containsWords(`${s1.subject}\n${s1.body}`, companyCore(company)))
        return [];
      return [hit('no_company', 1, null, [], `Step 1 does not mention "${companyCore(company)}".`)];
    },
  },
  {
    flag: 'spam_words',
    check: ({ steps }) =>
      perField(
        'spam_words',
        steps,
        ['subject', 'body'],
        (t) => matchSpans(SPAM_RE, t),
        (t, s) => `Spam-trigger words: ${quoteSpans(t, s)}.`,
      ),
  },
  {
    flag: 'duplicate_subject',
    check: ({ steps }) => {
      const seen = new Map<string, number>();
      const hits: FlagHit[] = [];
      for (const s of [...steps].sort((a, b) => a.step - b.step)) {
        const key = subjectKey(s.subject);
        if (!key) continue;
        const earlier = seen.get(key);
        if (earlier === undefined) seen.set(key, s.step);
        else
          hits.push(
            hit(
              'duplicate_subject',
              s.step,
              'subject',
              [[0, s.subject.length]],
              `Same subject as step ${earlier}.`,
            ),
          );
      }
      return hits;
    },
  },
  {
    flag: 'link',
    check: ({ steps }) =>
      perField(
        'link',
        steps,
        ['body'],
        (t) => matchSpans(LINK_RE, t),
        (t, s) => `Link ${quoteSpans(t, s)}.`,
      ),
  },
  {
    flag: 'html',
    check: ({ steps }) =>
      perField(
        'html',
        steps,
        ['body'],
        (t) =>
          mergeSpans([
            ...matchSpans(
              TAG_RE,
              t,
              (m) =>
                m[0] === '<!--' || HTML_TAG_NAMES.has((m[1] ?? '').toLowerCase()) || /=/.test(m[2] ?? ''),
            ),
            ...matchSpans(ENTITY_RE, t),
          ]),
        (t, s) => `HTML ${quoteSpans(t, s)}.`,
      ),
  },
];

export function computeFlags(input: FlagInput, options: FlagOptions = DEFAULT_FLAG_OPTIONS): FlagHit[] {
  return FLAG_RULES.flatMap((r) => r.check(input, options));
}

export const flagBit = (flag: ReviewFlag): number => 1 << REVIEW_FLAGS.indexOf(flag);

export function flagsMask(hits: readonly FlagHit[]): number {
  let mask = 0;
  for (const h of hits) mask |= flagBit(h.flag);
  return mask;
}

export function maskToFlags(mask: number): ReviewFlag[] {
  return REVIEW_FLAGS.filter((f) => (mask & flagBit(f)) !== 0);
}

/*
 * A column of the file that marks rows no sequence may be sent for: one named for the mark, holding yes
 * and no marks or the date it happened ("Email Opt Out": true, Mailchimp's "UNSUB_TIME", "Email Bounced
 * Date"), or a status column that says it for some rows ("Lead Status": Unsubscribed, Bounced, Not
 * interested). Opt-outs and declines (opt-out.ts) and bounces (verifier.ts) are read the same way.
 */
import { foldKey, isYesMark, isYesOrNoMark, looksLikeDate } from './text';

// Folded headers of a status column, which may say a mark among other statuses (Apollo's "Stage",
// Instantly's "Interest Status").
const STATUS_HEADER =
  /^(?:lead|contact|marketing|subscription|email|outreach|campaign|sequence|interest|reply)?(?:status|stage)$/;

/** Whether a column is named for a status, which may say among others that a person opted out or an address bounced. */
export function isStatusColumn(header: string): boolean {
  return STATUS_HEADER.test(foldKey(header));
}

export interface FileMark {
  /** Folded headers of a column named for the mark; null for a mark only a status says. */
  header: RegExp | null;
  /** The statuses that say it. */
  status: RegExp;
}

/**
 * Whether a cell of a column that marks rows says `mark`: its status; or, for a mark a column can be
 * named for, a yes or the date it happened.
 */
export function saysMark(mark: FileMark, value: string): boolean {
  const v = value.trim();
  return v !== '' && (mark.status.test(v) || (mark.header !== null && (isYesMark(v) || looksLikeDate(v))));
}

/**
 * Whether a column, by its header and its values, marks rows with `mark`: named for it and holding only
 * yes and no marks, its statuses or dates; or a status column where some row says it.
 */
export function marksColumn(mark: FileMark, header: string, values: readonly string[]): boolean {
  if (mark.header?.test(foldKey(header))) {
    return values.every((value) => {
      const v = value.trim();
      return v === '' || isYesOrNoMark(v) || mark.status.test(v) || looksLikeDate(v);
    });
  }
  return isStatusColumn(header) && values.some((v) => mark.status.test(v.trim()));
}

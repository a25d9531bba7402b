/*
 * A column of the file that marks rows no sequence may be sent for: one named for the mark, holding yes
 * and no marks or the date it happened ("Email Opt Out": true, Mailchimp's "UNSUB_TIME", "Email Bounced
 * Date") or, for a mark that may happen again, how many times ("Email Reply Count": 2), or a status
 * column that says it for some rows ("Lead Status": Unsubscribed, Bounced, Not interested). Opt-outs,
 * declines and answers (opt-out.ts) and bounces (verifier.ts) are read the same way.
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
  /** Whether a column named for the mark may count the times it happened: a whole number above 0 says it. */
  counted?: boolean;
}

const WHOLE_NUMBER = /^\d{1,9}$/;

/**
 * Whether a cell of a column that marks rows says `mark`: its status; or, for a mark a column can be
 * named for, a yes, the date it happened or (`counted`) how many times.
 */
export function saysMark(mark: FileMark, value: string): boolean {
  const v = value.trim();
  if (v === '') return false;
  if (mark.status.test(v)) return true;
  if (mark.header === null) return false;
  return isYesMark(v) || looksLikeDate(v) || (mark.counted === true && WHOLE_NUMBER.test(v) && Number(v) > 0);
}

/**
 * Whether a column, by its header and its values, marks rows with `mark`: named for it and holding only
 * yes and no marks, its statuses, dates or (`counted`) counts; or a status column where some row says it.
 */
export function marksColumn(mark: FileMark, header: string, values: readonly string[]): boolean {
  if (mark.header?.test(foldKey(header))) {
    return values.every((value) => {
      const v = value.trim();
      return (
        v === '' ||
        isYesOrNoMark(v) ||
        mark.status.test(v) ||
        looksLikeDate(v) ||
        (mark.counted === true && WHOLE_NUMBER.test(v))
      );
    });
  }
  return isStatusColumn(header) && values.some((v) => mark.status.test(v.trim()));
}

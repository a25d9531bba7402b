/*
 * A column of the file that says who must not be emailed: a CRM's "Email Opt Out" (Salesforce's
 * "Has Opted Out of Email", HubSpot's "Unsubscribed from all email": true / false), a sheet's own "Do
 * not contact" column ticked with an x, or a status column that says so for some ("Lead Status":
 * Unsubscribed). Writing to those people again is what a founder's list is kept to prevent, so their
 * rows are suppressed. So are those a campaign's status says declined ("Not interested").
 */
import { foldKey, isYesMark, isYesOrNoMark, looksLikeDate } from './text';

// Folded headers of a column that marks the people who opted out: with a yes, or with the date they
// did (Mailchimp's "UNSUB_TIME" in its file of the unsubscribed, "Unsubscribed at", "Opt-out date").
const OPT_OUT_HEADER =
  /^(?:(?:email)?opt(?:ed)?out(?:ofemail)?(?:date|time|at|on)?|hasoptedoutofemail|unsubscribed(?:fromallemail)?|unsub(?:scribed?)?(?:date|time|at|on)|donot(?:email|mail|contact)|dnc)$/;
// Folded headers of a status column, which may say so among other statuses (Apollo's "Stage",
// Instantly's "Interest Status").
const STATUS_HEADER =
  /^(?:lead|contact|marketing|subscription|email|outreach|campaign|sequence|interest|reply)?(?:status|stage)$/;

// A status that says the person opted out or must not be contacted.
const OPTED_OUT =
  /^(?:unsubscribed|opted[ -]?out|do[ -]not[ -](?:contact|email|mail)|dnc|blacklisted|blocklisted|complained|spam complaint)$/i;

/** Whether a column is named for a status, which may say among others that a person opted out or an address bounced. */
export function isStatusColumn(header: string): boolean {
  return STATUS_HEADER.test(foldKey(header));
}

/** Whether a cell of such a column says the person must not be emailed: a yes, the status, or when. */
export function saysOptedOut(value: string): boolean {
  const v = value.trim();
  return v !== '' && (isYesMark(v) || OPTED_OUT.test(v) || looksLikeDate(v));
}

/**
 * Whether a column, by its header and the values of the sample, marks who opted out: a flag column
 * holding only yes and no marks or dates, or a status column where some row says so.
 */
export function marksOptOuts(header: string, values: readonly string[]): boolean {
  const key = foldKey(header);
  const filled = values.map((v) => v.trim()).filter((v) => v !== '');
  if (OPT_OUT_HEADER.test(key))
    return filled.every((v) => isYesOrNoMark(v) || OPTED_OUT.test(v) || looksLikeDate(v));
  return isStatusColumn(header) && filled.some((v) => OPTED_OUT.test(v));
}

export const OPTED_OUT_REASON = 'Marked in the file as opted out or not to be contacted';

// A campaign's status of a person who answered that they do not want what was offered, or are not the
// one to ask (Instantly, lemlist, Apollo: "Not Interested", "notInterested", "Wrong Person").
const DECLINED = /^(?:not[ _-]?interested|wrong[ _-]?(?:person|contact))$/i;

/** Whether a cell of a status column says the person declined when written to before. */
export function saysDeclined(value: string): boolean {
  return DECLINED.test(value.trim());
}

/**
 * Whether a column marks who declined: a status column where some row says so. Writing to them again
 * with a new sequence is what gets a sender marked as spam, so their rows are suppressed unless the
 * user unticks the column.
 */
export function marksDeclines(header: string, values: readonly string[]): boolean {
  return isStatusColumn(header) && values.some(saysDeclined);
}

export const DECLINED_REASON = 'Said they were not interested when written to before, as the file says';

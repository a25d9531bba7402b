/*
 * A column of the file that says who must not be emailed: a CRM's "Email Opt Out" (Salesforce's
 * "Has Opted Out of Email", HubSpot's "Unsubscribed from all email": true / false), a sheet's own "Do
 * not contact" column ticked with an x, or a status column that says so for some ("Lead Status":
 * Unsubscribed). Writing to those people again is what a founder's list is kept to prevent, so their
 * rows are suppressed. So are those a campaign's status says declined ("Not interested"), and those it
 * says already answered ("Replied", "Meeting booked"): a new cold sequence would land in a conversation.
 */
import { marksColumn, saysMark, type FileMark } from './file-marks';

const OPT_OUT: FileMark = {
  // Folded headers of a column that marks the people who opted out: with a yes, or with the date they
  // did (Mailchimp's "UNSUB_TIME" in its file of the unsubscribed, "Unsubscribed at", "Opt-out date").
  header:
    /^(?:(?:email)?opt(?:ed)?out(?:ofemail)?(?:date|time|at|on)?|hasoptedoutofemail|unsubscribed(?:fromallemail)?|unsub(?:scribed?)?(?:date|time|at|on)|donot(?:email|mail|contact)|dnc)$/,
  status:
    /^(?:unsubscribed|opted[ -]?out|do[ -]not[ -](?:contact|email|mail)|dnc|blacklisted|blocklisted|complained|spam complaint)$/i,
};

/** Whether a cell of such a column says the person must not be emailed: a yes, the status, or when. */
export function saysOptedOut(value: string): boolean {
  return saysMark(OPT_OUT, value);
}

/**
 * Whether a column, by its header and the values of the sample, marks who opted out: a flag column
 * holding only yes and no marks or dates, or a status column where some row says so.
 */
export function marksOptOuts(header: string, values: readonly string[]): boolean {
  return marksColumn(OPT_OUT, header, values);
}

export const OPTED_OUT_REASON = 'Marked in the file as opted out or not to be contacted';

// A campaign's status of a person who answered that they do not want what was offered, or are not the
// one to ask (Instantly, lemlist, Apollo: "Not Interested", "notInterested", "Wrong Person").
const DECLINES: FileMark = {
  header: null,
  status: /^(?:not[ _-]?interested|wrong[ _-]?(?:person|contact))$/i,
};

/** Whether a cell of a status column says the person declined when written to before. */
export function saysDeclined(value: string): boolean {
  return saysMark(DECLINES, value);
}

/**
 * Whether a column marks who declined: a status column where some row says so. Writing to them again
 * with a new sequence is what gets a sender marked as spam, so their rows are suppressed unless the
 * user unticks the column.
 */
export function marksDeclines(header: string, values: readonly string[]): boolean {
  return marksColumn(DECLINES, header, values);
}

export const DECLINED_REASON = 'Said they were not interested when written to before, as the file says';

// What a campaign or a CRM says of a person who already answered: a yes in a column named so (Apollo's
// "Replied": true), how many times (Instantly's "Email Reply Count", lemlist's "emailsReplied"), or a
// status (Apollo's "Stage": Replied, Interested; Instantly's "Interest Status": Meeting booked, Won;
// lemlist's "interested").
const ANSWERS: FileMark = {
  header: /^(?:emails?)?(?:replied|hasreplied|isreplied|replyreceived|replies|replycount|repliescount)$/,
  counted: true,
  status:
    /^(?:replied|emails?[ _-]?replied|interested|meeting[ _-]?(?:booked|scheduled|completed)|won|closed[ _-]?won|positive[ _-]?reply|in[ _-]?conversation)$/i,
};

/** Whether a cell of such a column says the person already answered a campaign. */
export function saysAnswered(value: string): boolean {
  return saysMark(ANSWERS, value);
}

/**
 * Whether a column marks who already answered: named so and holding yes and no marks, or a status column
 * where some row says so. A new cold sequence to someone in a conversation (or a customer) reads as a
 * machine's, so their rows are suppressed unless the user unticks the column (a sequence meant for
 * them).
 */
export function marksAnswers(header: string, values: readonly string[]): boolean {
  return marksColumn(ANSWERS, header, values);
}

export const ANSWERED_REASON =
  'Already answered an earlier campaign (replied, interested, a meeting), as the file says';

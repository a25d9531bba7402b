/**
 * Spam-trigger words and phrases for the review flag `spam_words`.
 *
 * Why these: they are the phrases mailbox providers' content filters and the common deliverability
 * checklists (Mailchimp, HubSpot, SpamAssassin rule names) penalise in cold email: money promises,
 * false urgency, "free"/"guarantee" claims and pushy calls to action. A match is a hint for the founder
 * to reword, not a verdict: the lead is flagged, nothing is blocked.
 *
 * Maintaining the list: one lower-case entry per line, grouped by theme, no duplicates (a unit test
 * checks both). Matching ignores case and only matches whole words, so "free" does not fire on
 * "freedom". Keep entries specific enough that ordinary B2B sentences do not trip them.
 */
export const SPAM_WORDS: readonly string[] = [
  // Money and price promises
  '100% free',
  'best price',
  'cash bonus',
  'cheap',
  'double your',
  'earn money',
  'extra income',
  'free',
  'free trial',
  'lowest price',
  'make money',
  'million dollars',
  'no cost',
  'no fees',
  'save big',
  'unlimited',
  // Guarantees and too-good-to-be-true claims
  '100% guaranteed',
  'guarantee',
  'guaranteed',
  'miracle',
  'no risk',
  'risk-free',
  'risk free',
  'winner',
  'you have been selected',
  'congratulations',
  // False urgency
  'act now',
  'apply now',
  'urgent',
  'limited time',
  'last chance',
  'expires today',
  'once in a lifetime',
  "don't delete",
  'immediately',
  // Pushy calls to action
  'buy now',
  'click here',
  'click below',
  'order now',
  'sign up free',
  'call now',
  'get it now',
  // Deceptive framing
  'not spam',
  'this is not spam',
  'no strings attached',
  'no obligation',
  'dear friend',
  'increase sales',
  'increase traffic',
];

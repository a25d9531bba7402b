import type { ReviewFlag } from '../../../../src-shared/review/flags';

/** Compact marks for the list's flag column; the full label is the title and the accessible name. */
export const FLAG_ICON: Readonly<Record<ReviewFlag, string>> = {
  placeholder: '{}',
  empty_subject: 'S∅',
  empty_body: 'B∅',
  long_subject: 'S+',
  long_body: 'B+',
  missing_steps: '#',
  no_first_name: 'N?',
  no_company: 'C?',
  spam_words: '$',
  duplicate_subject: '=',
  link: '🔗',
  html: '<>',
};

import { describe, expect, it } from 'vitest';
import {
  holdsVerdicts,
  marksBounces,
  mayNameVerdicts,
  saysBounced,
  verdictFlag,
} from '../../../src-shared/import/verifier';
import { foldWords } from '../../../src-shared/import/text';

describe('verdictFlag', () => {
  it.each([
    'Invalid',
    ' invalid ',
    'not_valid',
    'Undeliverable',
    'bounced',
    'Hard-Bounce',
    'spamtrap',
    'do_not_mail',
    'abuse',
  ])('%j: the address cannot be mailed', (verdict) => {
    expect(verdictFlag(verdict)).toBe('verifier_undeliverable');
  });

  it.each(['catch-all', 'Catch All', 'accept_all', 'unknown', 'Risky'])(
    '%j: the verifier could not tell',
    (verdict) => {
      expect(verdictFlag(verdict)).toBe('verifier_unconfirmed');
    },
  );

  it.each(['Valid', 'Verified', 'Guessed', 'Extrapolated', '', 'invalidated leads'])(
    '%j: nothing to flag',
    (verdict) => {
      expect(verdictFlag(verdict)).toBeNull();
    },
  );
});

describe('holdsVerdicts', () => {
  it("takes a verifier's column: nearly every value is a verdict, blanks aside", () => {
    expect(holdsVerdicts(['valid', 'invalid', '', 'catch-all', 'Unknown'])).toBe(true);
    expect(holdsVerdicts(['Verified', 'Likely to engage', 'Unavailable', 'Guessed'])).toBe(true);
    expect(holdsVerdicts(['Verified', 'Extrapolated', 'Extrapolated', 'Pending Manual Fulfillment'])).toBe(
      true,
    ); // Apollo
    expect(holdsVerdicts(['valid', 'webmail', 'accept_all', 'disposable'])).toBe(true); // Hunter
    expect(holdsVerdicts(['ok', 'catch_all', 'error', 'invalid'])).toBe(true); // MillionVerifier
  });

  it('not a column of anything else, nor an empty one', () => {
    expect(holdsVerdicts(['Open', 'Won', 'Lost', 'valid'])).toBe(false);
    expect(holdsVerdicts(['', ' '])).toBe(false);
  });
});

describe('mayNameVerdicts', () => {
  it.each(['Email Status', 'Verification status', 'ZB Status', 'result', 'emailStatus', 'MV Quality'])(
    '%j may name one',
    (header) => {
      expect(mayNameVerdicts(foldWords(header))).toBe(true);
    },
  );

  it.each(['Seniority', 'Lead Stage', 'Notes'])('%j does not', (header) => {
    expect(mayNameVerdicts(foldWords(header))).toBe(false);
  });
});

describe('saysBounced', () => {
  it('reads a yes mark, a status that says the address bounced, or the date it did', () => {
    for (const yes of [
      'true',
      'x',
      'Bounced',
      ' hard bounce ',
      'Email bounced',
      '2024-03-01 10:22:11',
      '3/1/2024',
    ])
      expect(saysBounced(yes)).toBe(true);
    for (const no of ['false', '', 'Replied', 'Bounce reason: mailbox full'])
      expect(saysBounced(no)).toBe(false);
  });
});

describe('marksBounces', () => {
  it('is a yes-or-no column named for the addresses that bounced', () => {
    expect(marksBounces('Email Bounced', ['false', 'true', ''])).toBe(true);
    expect(marksBounces('Hard Bounce', ['x', ''])).toBe(true);
    expect(marksBounces('Bounced', ['No', 'No'])).toBe(true);
  });

  it('is a column of the dates addresses bounced on', () => {
    expect(marksBounces('Email Bounced Date', ['', '4/5/2023 10:22 AM'])).toBe(true);
    expect(marksBounces('Bounced at', ['2024-03-01T10:22:11.000Z'])).toBe(true);
    // Mailchimp's file of the addresses it cleaned off the list for bouncing.
    expect(marksBounces('CLEAN_TIME', ['2023-04-05 10:22:11'])).toBe(true);
  });

  it('is a count of the bounces each address had', () => {
    expect(marksBounces('emailsBounced', ['0', '1', ''])).toBe(true);
    expect(marksBounces('Marketing emails bounced', ['0', '2'])).toBe(true);
    expect(saysBounced('2')).toBe(true);
    expect(saysBounced('0')).toBe(false);
    expect(marksBounces('emailsOpened', ['0', '2'])).toBe(false);
  });

  it("is a sending tool's status column where some address bounced", () => {
    expect(marksBounces('Status', ['Contacted', 'Bounced', 'Replied'])).toBe(true);
    expect(marksBounces('Lead Status', ['hard bounce', ''])).toBe(true);
    expect(marksBounces('Status', ['Contacted', 'Replied'])).toBe(false);
  });

  it('is no column of anything else, nor one named otherwise', () => {
    expect(marksBounces('Bounced', ['see notes', '2024-03-01'])).toBe(false);
    expect(marksBounces('Email Sent', ['true'])).toBe(false);
    expect(marksBounces('Bounce Reason', ['true'])).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import {
  marksAnswers,
  marksDeclines,
  marksOptOuts,
  saysAnswered,
  saysDeclined,
  saysOptedOut,
} from '../../../src-shared/import/opt-out';

describe('saysOptedOut', () => {
  it.each([
    'true',
    'TRUE',
    'yes',
    '1',
    'x',
    ' X ',
    '✓',
    'Unsubscribed',
    'Opted out',
    'Do not contact',
    'DNC',
    '2023-04-05 10:22:11',
    '05/04/2023',
  ])('%j says so', (value) => {
    expect(saysOptedOut(value)).toBe(true);
  });

  it.each(['', 'false', 'no', '0', 'Open', 'Customer', 'Subscribed', 'Not unsubscribed'])(
    '%j does not',
    (value) => {
      expect(saysOptedOut(value)).toBe(false);
    },
  );
});

describe('marksOptOuts', () => {
  it("is a CRM's or a sheet's opt-out column of yes and no marks, whether anyone opted out in the sample or not", () => {
    expect(marksOptOuts('Email Opt Out', ['false', 'true', ''])).toBe(true);
    expect(marksOptOuts('Has Opted Out Of Email', ['0', '0'])).toBe(true);
    expect(marksOptOuts('Unsubscribed from all email', ['No', 'Yes'])).toBe(true);
    expect(marksOptOuts('Do not contact', ['', 'x'])).toBe(true);
  });

  it('is a column of the dates people unsubscribed on', () => {
    // Mailchimp's file of the unsubscribed.
    expect(marksOptOuts('UNSUB_TIME', ['2023-04-05 10:22:11', '2023-05-01 08:00:00'])).toBe(true);
    expect(marksOptOuts('Unsubscribed at', ['', '2024-03-01T10:22:11Z'])).toBe(true);
    expect(marksOptOuts('Opt-out date', ['3/1/2024'])).toBe(true);
    expect(marksOptOuts('Unsubscribe date', ['next week'])).toBe(false);
  });

  it('is a status column only where some row says the person opted out', () => {
    expect(marksOptOuts('Lead Status', ['Open', 'Unsubscribed'])).toBe(true);
    expect(marksOptOuts('Status', ['Open', 'Customer'])).toBe(false);
  });

  it('is no other column, nor an opt-out column of anything but marks', () => {
    expect(marksOptOuts('Notes', ['Unsubscribed', 'x'])).toBe(false);
    expect(marksOptOuts('Do not contact', ['after the 5th', ''])).toBe(false);
  });
});

describe('saysDeclined', () => {
  it.each([
    'Not interested',
    'NOT INTERESTED',
    ' not_interested ',
    'notInterested',
    'Wrong person',
    'Wrong contact',
  ])('%j says the person declined', (value) => {
    expect(saysDeclined(value)).toBe(true);
  });

  it.each(['', 'Interested', 'Replied', 'Not interested yet?', 'Unsubscribed', 'Lost'])(
    '%j does not',
    (value) => {
      expect(saysDeclined(value)).toBe(false);
    },
  );
});

describe('marksDeclines', () => {
  it("is a campaign's status column where some row says the person was not interested", () => {
    expect(marksDeclines('Interest Status', ['Interested', 'Not Interested'])).toBe(true);
    expect(marksDeclines('Stage', ['Cold', 'Wrong Person'])).toBe(true);
    expect(marksDeclines('Lead Status', ['Open', 'Interested'])).toBe(false);
  });

  it('is no other column, whatever it holds', () => {
    expect(marksDeclines('Notes', ['Not interested'])).toBe(false);
  });
});

describe('saysAnswered', () => {
  it.each([
    'Replied',
    'emailsReplied',
    'Interested',
    'INTERESTED',
    'Meeting booked',
    'meeting_scheduled',
    'Meeting Completed',
    'Won',
    'Closed Won',
    'Positive reply',
    'In conversation',
    'true',
    'x',
    '2026-10-03',
    '3',
  ])('%j says the person already answered', (value) => {
    expect(saysAnswered(value)).toBe(true);
  });

  it.each([
    '',
    'false',
    '0',
    'Not interested',
    'Contacted',
    'Opened',
    'Lost',
    'Replied?',
    'Interested in pricing',
  ])('%j does not', (value) => {
    expect(saysAnswered(value)).toBe(false);
  });
});

describe('marksAnswers', () => {
  it("is Apollo's yes-or-no column of who replied, a count of replies, or a status column where some row says someone answered", () => {
    expect(marksAnswers('Replied', ['true', 'false'])).toBe(true);
    expect(marksAnswers('Has Replied', ['', 'yes'])).toBe(true);
    expect(marksAnswers('Stage', ['Cold', 'Meeting Booked'])).toBe(true);
    // How many times: Instantly's count, lemlist's.
    expect(marksAnswers('Email Reply Count', ['0', '2', ''])).toBe(true);
    expect(marksAnswers('emailsReplied', ['0', '1'])).toBe(true);
    expect(marksAnswers('Lead Status', ['Open', 'Contacted'])).toBe(false);
  });

  it('is no other column, whatever it holds', () => {
    expect(marksAnswers('Notes', ['Replied'])).toBe(false);
    expect(marksAnswers('Replied', ['Thanks, not now', 'Call me Monday'])).toBe(false);
    expect(marksAnswers('Email Open Count', ['0', '3'])).toBe(false);
    expect(marksAnswers('Replies', ['Thanks, not now', '1'])).toBe(false);
  });
});

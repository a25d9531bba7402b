import { describe, expect, it } from 'vitest';
import { addressList } from '../../../../src-shared/import/read/address-list';
import { openWorkbook } from '../../../../src-shared/import/read/index';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('addressList', () => {
  it('reads a line of addresses as a mail app copies it: one row per address, its name beside it', () => {
    const copied = 'Jane Doe <jane@acme.com>, "Roe, Bo" <bo@beta.io>, sam@initech.com';
    expect(addressList(copied)).toEqual([
      ['Jane Doe <jane@acme.com>'],
      ['"Roe, Bo" <bo@beta.io>'],
      ['sam@initech.com'],
    ]);
    // Outlook's semicolons, a trailing separator, and lines of different lengths typed by hand.
    expect(addressList('jane@acme.com; bo@beta.io;\r\nsam@initech.com\n\n')).toEqual([
      ['jane@acme.com'],
      ['bo@beta.io'],
      ['sam@initech.com'],
    ]);
  });

  it("reads Outlook's recipients, separated by semicolons, their names written with a comma", () => {
    expect(addressList('Doe, Jane <jane@acme.com>; Ray, Bo <bo@beta.io>;')).toEqual([
      ['Doe, Jane <jane@acme.com>'],
      ['Ray, Bo <bo@beta.io>'],
    ]);
  });

  it('leaves tables to the table reader', () => {
    // One address per line, and two address columns of one person per line, already read as rows.
    expect(addressList('jane@acme.com\nbo@beta.io\n')).toBeNull();
    expect(addressList('jane@acme.com,jane.doe@gmail.com\nbo@beta.io,\n')).toBeNull();
    // A header, a name, anything that is no address: a table.
    expect(addressList('Email\njane@acme.com, bo@beta.io')).toBeNull();
    expect(addressList('jane@acme.com,Jane Doe\nbo@beta.io,Bo Roe,Beta')).toBeNull();
    // One address is one row either way.
    expect(addressList('Jane Doe <jane@acme.com>')).toBeNull();
    expect(addressList('')).toBeNull();
  });

  it('makes a lead of each address of a pasted line, through the reader', () => {
    const wb = openWorkbook(utf8('Jane Doe <jane@acme.com>, Bo Roe <bo@beta.io>\n'), 'Pasted rows.txt');
    expect(wb.readSheet(wb.sheets[0]!.name)).toEqual([['Jane Doe <jane@acme.com>'], ['Bo Roe <bo@beta.io>']]);
  });
});

import { describe, expect, it } from 'vitest';
import { openWorkbook } from '../../../../src-shared/import/read';
import { readVCards } from '../../../../src-shared/import/read/vcard';
import { suggestMapping } from '../../../../src-shared/import/mapping';
import { contactsVCard } from '../../../fixtures-gen';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('reading a contacts file (vCard)', () => {
  it('gives one row per contact under headers the mapping knows', () => {
    const wb = openWorkbook(bytes(contactsVCard()), 'Contacts.vcf');
    expect(wb).toMatchObject({ kind: 'vcf', encoding: 'utf-8', sheets: [{ name: 'Contacts', rowCount: 5 }] });
    const [headers, jane, bo, juergen, cy] = wb.readSheet('Contacts');
    expect(headers).toEqual([
      'Full Name',
      'First Name',
      'Last Name',
      'Email',
      'Email 2',
      'Company',
      'Title',
      'Phone',
      'Website',
      'City',
      'Country',
      'LinkedIn',
      'Note',
    ]);
    // The address marked preferred comes first, whatever its place in the card; the photo is skipped.
    expect(jane).toEqual([
      'Jane Doe',
      'Jane',
      'Doe',
      'jane@acme.com',
      'jane.doe@gmail.com',
      'Acme Inc.',
      'Head of Sales',
      '+1 415 555 0100',
      'https://www.acme.com',
      'San Francisco', // the work address, though the home one comes first
      'United States',
      'https://www.linkedin.com/in/jane-doe',
      '',
    ]);
    // Escaped commas and semicolons, a line break, and a folded line.
    expect(bo?.[5]).toBe('Beta, Inc.');
    expect(bo?.[12]).toBe('Met at SaaStr; wants a demo\nin March and a price list for the whole team');
    // vCard 2.1: quoted-printable UTF-8 across a soft line break, bare parameters.
    expect(juergen?.slice(0, 4)).toEqual(['Jürgen Müller', 'Jürgen', 'Müller', 'juergen@gamma.de']);
    expect(juergen?.slice(5, 8)).toEqual(['Gamma GmbH', 'Geschäftsführer', '+49 89 1234567']); // ROLE as the title
    expect(juergen?.slice(9, 11)).toEqual(['München', 'Germany']);
    // No address: the row stays, for the pipeline to call invalid.
    expect(cy?.[0]).toBe('Cy Fox');
    expect(cy?.[3]).toBe('');
  });

  it('is mapped as a sheet of contacts is', () => {
    const grid = openWorkbook(bytes(contactsVCard()), 'Contacts.vcf').readSheet('Contacts');
    const mapping = suggestMapping(grid[0] as string[], grid.slice(1));
    expect(mapping.slice(0, 4)).toEqual([
      { kind: 'field', field: 'fullName' },
      { kind: 'field', field: 'firstName' },
      { kind: 'field', field: 'lastName' },
      { kind: 'field', field: 'email' },
    ]);
    expect(mapping[5]).toEqual({ kind: 'field', field: 'company' });
    expect(mapping[11]).toEqual({ kind: 'field', field: 'linkedinUrl' });
    expect(mapping[9]).toEqual({ kind: 'custom', key: 'city' });
  });

  it('keeps an Email column when no card has an address, so the file is refused for that', () => {
    const { rows } = readVCards('BEGIN:VCARD\nVERSION:3.0\nFN:Cy Fox\nEND:VCARD\n');
    expect(rows).toEqual([
      ['Full Name', 'Email'],
      ['Cy Fox', ''],
    ]);
  });

  it('cuts a value longer than the cell limit, and says how many were cut', () => {
    const card = `BEGIN:VCARD\nEMAIL:ann@acme.io\nNOTE:${'x'.repeat(50)}\nEND:VCARD\n`;
    const { rows, truncatedCells } = readVCards(card, { maxCellChars: 20 });
    expect(rows[1]).toEqual(['ann@acme.io', 'x'.repeat(20)]);
    expect(truncatedCells).toBe(1);
  });

  it('refuses a file with no complete card, and one beyond the row limit, saying so', () => {
    expect(() => openWorkbook(bytes('BEGIN:VCARD\nFN:Cut off'), 'cut.vcf')).toThrow(
      expect.objectContaining({ code: 'empty', message: expect.stringMatching(/no complete contact/) }),
    );
    const three = 'BEGIN:VCARD\nEMAIL:a@b.io\nEND:VCARD\n'.repeat(3);
    expect(() => readVCards(three, { maxRows: 3 })).toThrow(
      expect.objectContaining({
        code: 'too_many_rows',
        message: expect.stringMatching(/more than 2 contacts/),
      }),
    );
    expect(readVCards(three, { maxRows: 4 }).rows).toHaveLength(4);
  });

  it('reads 150,000 contacts, reporting progress, and stops when cancelled', () => {
    const card = (i: number) => `BEGIN:VCARD\r\nFN:Lead ${i}\r\nEMAIL:lead${i}@acme.io\r\nEND:VCARD\r\n`;
    const text = Array.from({ length: 150_000 }, (_, i) => card(i)).join('');
    const progress: number[] = [];
    const { rows } = readVCards(text, { onProgress: (p) => progress.push(p.done) });
    expect(rows).toHaveLength(150_001);
    expect(rows[150_000]).toEqual(['Lead 149999', 'lead149999@acme.io']);
    expect(progress.length).toBeGreaterThan(10);
    expect(() => readVCards(text, { signal: { aborted: true } })).toThrow(
      expect.objectContaining({ code: 'cancelled' }),
    );
  });

  it('is found by its content whatever the file is called', () => {
    expect(openWorkbook(bytes(`\uFEFF${contactsVCard()}`), 'export.csv').kind).toBe('vcf');
    expect(openWorkbook(bytes('Email\njane@acme.com\n'), 'contacts.vcf').kind).toBe('csv');
  });
});

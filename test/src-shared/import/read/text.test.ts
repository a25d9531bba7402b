import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import { openWorkbook } from '../../../../src-shared/import/read/index';
import { guessNewline, parseRegular, strayOpeningQuotes } from '../../../../src-shared/import/read/csv';
import { sniffDelimiter } from '../../../../src-shared/import/read/delimiter';
import { decodeText, encodingName } from '../../../../src-shared/import/read/text';
import {
  accentedLeadRows,
  csvBytes,
  encodeText,
  leadsToCsv,
  messyLeads,
  nonLatinLeadRows,
  toDelimitedText,
  type FixtureEncoding,
} from '../../../fixtures-gen/index';

/** The encodings found from the bytes alone; Windows-1250 and Windows-1251 are read as the user says. */
type Detected = Exclude<FixtureEncoding, 'windows-1250' | 'windows-1251'>;

const REPORTED: Record<Detected, string> = {
  'utf-8': 'utf-8',
  'utf-8-bom': 'utf-8',
  'utf-16le-bom': 'utf-16le',
  'utf-16be-bom': 'utf-16be',
  'utf-16le': 'utf-16le',
  'windows-1252': 'windows-1252',
  macintosh: 'macintosh',
};

describe('encodings', () => {
  it.each(Object.keys(REPORTED) as Detected[])('%s: accented rows read back exactly', (encoding) => {
    const rows = accentedLeadRows();
    const wb = openWorkbook(csvBytes(rows, { encoding }), 'leads.csv');
    expect(wb.encoding).toBe(REPORTED[encoding]);
    expect(wb.readSheet('leads')).toEqual(rows);
  });

  it.each(['utf-8', 'utf-8-bom', 'utf-16le-bom', 'utf-16be-bom', 'utf-16le'] as FixtureEncoding[])(
    '%s: Japanese, Cyrillic and Greek read back exactly',
    (encoding) => {
      const rows = nonLatinLeadRows();
      expect(openWorkbook(csvBytes(rows, { encoding }), 'l.csv').readSheet('l')).toEqual(rows);
    },
  );

  it('strips the BOM so the first header is clean', () => {
    const wb = openWorkbook(csvBytes([['Email'], ['a@example.com']], { encoding: 'utf-8-bom' }), 'x.csv');
    expect(wb.readSheet('x')[0]![0]).toBe('Email');
  });

  it('decodes é as 0xE9 in Windows-1252 (not as a replacement character)', () => {
    expect(decodeText(new Uint8Array([0x43, 0x61, 0x66, 0xe9])).text).toBe('Café');
    expect(decodeText(new Uint8Array([0x80, 0x20, 0x35])).text).toBe('€ 5');
  });

  it('reads a file Excel for Mac saved as "Comma Separated Values" (Mac Roman) with its names intact', () => {
    const rows = [
      ['Email', 'First name', 'Last name', 'Company'],
      ['rene@acme.fr', 'René', 'Müller', 'Crème SARL'],
      ['ana@acme.es', 'Ana', 'Núñez', 'Peña y Cía'],
      ['jo@acme.de', 'Jörg', 'Schröder', 'Bäckerei'],
    ];
    const wb = openWorkbook(csvBytes(rows, { encoding: 'macintosh' }), 'leads.csv');
    expect(wb.encoding).toBe('macintosh');
    expect(wb.readSheet('leads')).toEqual(rows);
    // Read as Windows-1252, as before: "RenŽ", "MŸller", "Pe–a".
    expect(decodeText(encodeText('René Müller', 'macintosh')).text).toBe('René Müller');
  });

  it('reads UTF-8 with a row pasted in from a Windows export as both: the stray bytes as Windows-1252', () => {
    const utf8 = encodeText('Email,Name\r\nrene@acme.fr,René Müller\r\n', 'utf-8');
    const windows = encodeText('cafe@acme.fr,Café Crème\r\n', 'windows-1252');
    const more = encodeText('ana@acme.es,Ana Núñez\r\n', 'utf-8');
    const decoded = decodeText(new Uint8Array([...utf8, ...windows, ...more]));
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.text).toBe(
      'Email,Name\r\nrene@acme.fr,René Müller\r\ncafe@acme.fr,Café Crème\r\nana@acme.es,Ana Núñez\r\n',
    );
    // Behind a byte-order mark, a stray byte is still read, not replaced by �.
    const bom = decodeText(new Uint8Array([...encodeText('José,', 'utf-8-bom'), 0xe9]));
    expect(bom).toEqual({ text: 'José,é', encoding: 'utf-8', bom: true });
  });

  it('keeps every name of a UTF-8 file cut off inside its last character', () => {
    const whole = encodeText('Email,Name\nrene@acme.fr,René\njose@acme.es,José\nzoe@acme.fr,Zoë', 'utf-8');
    const decoded = decodeText(whole.subarray(0, whole.length - 1));
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.text).toMatch(/^Email,Name\nrene@acme\.fr,René\njose@acme\.es,José\nzoe@acme\.fr,Zo.$/);
  });

  it('reads a Windows-1252 file as Windows-1252 though one of its pairs of bytes is also UTF-8', () => {
    // "Ã©" (C3 A9) is é in UTF-8: one such pair among many accents is chance, not UTF-8.
    const text = 'Name\r\nRené\r\nJosé\r\nSeñor Ã©\r\n';
    expect(decodeText(encodeText(text, 'windows-1252'))).toEqual({
      text,
      encoding: 'windows-1252',
      bom: false,
    });
  });

  it.each<['windows-1250' | 'windows-1251', string[][]]>([
    [
      'windows-1250',
      [
        ['Email', 'Imię', 'Nazwisko', 'Firma'],
        ['lukasz@acme.pl', 'Łukasz', 'Wąsik', 'Żabka Sp. z o.o.'],
        ['jiri@acme.cz', 'Jiří', 'Dvořák', 'Škoda'],
      ],
    ],
    [
      'windows-1251',
      [
        ['Email', 'Имя', 'Фамилия', 'Компания'],
        ['ivan@acme.ru', 'Иван', 'Петров', 'ООО «Ромашка»'],
      ],
    ],
  ])(
    'reads a %s file as the user says, which the bytes alone cannot tell from Windows-1252',
    (encoding, rows) => {
      const bytes = csvBytes(rows, { encoding });
      // Found as Windows-1252, where the picker starts, not as Mac Roman: "Wąsik" is not "Wπsik".
      const detected = openWorkbook(bytes, 'leads.csv');
      expect(detected.encoding).toBe('windows-1252');
      expect(detected.readSheet('leads')).not.toEqual(rows);
      const wb = openWorkbook(bytes, 'leads.csv', { encoding });
      expect(wb.encoding).toBe(encoding);
      expect(wb.readSheet('leads')).toEqual(rows);
    },
  );

  it('never takes a Greek letter inside a Latin word for Mac Roman evidence: "Wąsik" in Windows-1250 is not "Wπsik"', () => {
    expect(decodeText(encodeText('Łukasz Wąsik', 'windows-1250')).encoding).toBe('windows-1252');
  });

  it('a chosen encoding is used even for bytes that read as another: UTF-8 read as Windows-1252 shows as it would', () => {
    const bytes = encodeText('René', 'utf-8');
    expect(decodeText(bytes, 'windows-1252')).toEqual({
      text: 'RenÃ©',
      encoding: 'windows-1252',
      bom: false,
    });
    expect(decodeText(encodeText('René', 'utf-8-bom'), 'utf-8')).toEqual({
      text: 'René',
      encoding: 'utf-8',
      bom: true,
    });
  });

  it('names the encoding as people know it on the file line', () => {
    expect(encodingName('macintosh')).toBe('Mac Roman');
    expect(encodingName('windows-1252')).toBe('Windows-1252');
    expect(encodingName('utf-16le')).toBe('UTF-16 LE');
    expect(encodingName('constructor')).toBe('constructor');
  });

  it.each<[string, string]>([
    ['German in capitals', 'JÖRG MÜLLER, BÄCKEREI'],
    ['a capital accent alone', 'Émile Zola'],
    ['an apostrophe alone', 'Jane O’Brien, Acme’s CEO'],
    ['Spanish', 'Martín Núñez'],
  ])('tells Mac Roman from Windows-1252 both ways: %s', (_, text) => {
    for (const encoding of ['windows-1252', 'macintosh'] as const) {
      const decoded = decodeText(encodeText(text, encoding));
      expect(decoded.text, encoding).toBe(text);
      expect(decoded.encoding).toBe(encoding);
    }
  });

  it.each(['Jane O’Brien, Sales – EMEA, “VIP”, € 5, Acme™, etc…', 'Smith–Jones • Doe', 'Jane’s “best” deal'])(
    'keeps Windows-1252 for punctuation alone, which names no encoding: %s',
    (text) => {
      const decoded = decodeText(encodeText(text, 'windows-1252'));
      expect(decoded.encoding).toBe('windows-1252');
      expect(decoded.text).toBe(text);
    },
  );

  it('reads names with accents back in either 8-bit encoding, whatever the punctuation around them', () => {
    const upper = [...'ABCDEFGHIJKLMNOPRSTVWZ', 'É', 'Ø', 'Å', 'Ü', 'Ö', 'Ç'];
    const lower = [...'abcdefghiklmnoprstuvyz'];
    const accents = [...'éèêëàâäçñóòôöúùûüíìîïøåæãõá'];
    const word = fc
      .tuple(
        fc.constantFrom(...upper),
        fc.array(fc.constantFrom(...lower, ...accents), { minLength: 2, maxLength: 8 }),
      )
      .map(([first, rest]) => first + rest.join(''));
    const piece = fc.oneof(
      word,
      word.map((w) => `“${w}”`),
      word.map((w) => `${w}’s`),
      word.map((w) => `${w}…`),
      fc.constant('–'),
      fc.constant('€ 5'),
    );
    // At least one accent inside a word, as in "Müller" or "García": the evidence the choice rests on. (A
    // word that ends one letter after it may read either way: "Luís" is "Lu’s" in Windows-1252.)
    const accented = fc
      .tuple(
        fc.constantFrom(...upper),
        fc.constantFrom(...lower),
        fc.constantFrom(...accents),
        fc.array(fc.constantFrom(...lower), { minLength: 3, maxLength: 3 }),
      )
      .map(([a, b, c, rest]) => a + b + c + rest.join(''));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), accented, fc.nat(), (pieces, name, at) => {
        pieces.splice(at % (pieces.length + 1), 0, name);
        const text = pieces.join(', ');
        for (const encoding of ['windows-1252', 'macintosh'] as const) {
          expect(decodeText(encodeText(text, encoding)).text, encoding).toBe(text);
        }
      }),
    );
  });

  it('round-trips any text through UTF-8 and UTF-16 with BOM', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1 }), (s) => {
        for (const enc of ['utf-8-bom', 'utf-16le-bom', 'utf-16be-bom'] as const) {
          expect(decodeText(encodeText(s, enc)).text).toBe(s);
        }
      }),
    );
  });
});

describe('delimiters', () => {
  it.each([',', ';', '\t', '|'])(
    'sniffs %j and parses quoted cells with delimiters and newlines',
    (delimiter) => {
      const rows = accentedLeadRows();
      const wb = openWorkbook(csvBytes(rows, { delimiter }), 'leads.txt');
      expect(wb.delimiter).toBe(delimiter);
      expect(wb.kind).toBe('txt');
      expect(wb.readSheet('leads')).toEqual(rows);
    },
  );

  it('prefers the delimiter whose field count is consistent, not the most frequent character', () => {
    const text = 'Name;Amount;Note\nAna;1,5;a, b, c\nBo;2,75;x\nCy;3;y, z\n';
    expect(sniffDelimiter(text)).toBe(';');
  });

  it('is not fooled by delimiters inside quotes', () => {
    const text = 'a|b\n"x, y, z"|"1, 2"\n"p, q"|r\n';
    expect(sniffDelimiter(text)).toBe('|');
  });

  it('copes with title rows above the header', () => {
    const text = 'Leads export\n\nEmail,Name,Company\na@x.co,A,X\nb@y.co,B,Y\n';
    expect(sniffDelimiter(text)).toBe(',');
  });

  it("splits a query's table copied from mysql at its pipes, however many borders it has", () => {
    const text = [
      '+-------------+------+',
      '| email       | name |',
      '+-------------+------+',
      '| a@x.co      | Ann  |',
      '+-------------+------+',
      '1 row in set (0.00 sec)',
      '',
    ].join('\n');
    expect(sniffDelimiter(text)).toBe('|');
  });

  it('defaults to tab for .tsv when nothing else splits', () => {
    const wb = openWorkbook(new TextEncoder().encode('email\na@example.com\n'), 'list.tsv');
    expect(wb.kind).toBe('tsv');
    expect(wb.delimiter).toBe('\t');
  });
});

describe('cells', () => {
  it('keeps every value as written: leading zeros, long digits, formula-looking text', () => {
    const rows = [
      ['zip', 'phone', 'id', 'f1', 'f2', 'f3', 'f4'],
      ['00123', '+33 1 23 45 67 89', '1234567890123456789', '=1+2', '+SUM(A1)', '-5', '@cmd'],
      ['TRUE', '2024-01-05', '1/5/24', '1e5', 'null', 'undefined', ' spaced '],
    ];
    expect(openWorkbook(csvBytes(rows), 'c.csv').readSheet('c')).toEqual(rows);
  });

  it('reads ="0612345678", as exports keep leading zeros for Excel, as Excel shows it; other formulas as written', () => {
    const rows = [
      ['phone', 'zip', 'f1', 'f2'],
      ['="0612345678"', '="02134"', '="a"&"b"', '=HYPERLINK("x")'],
    ];
    expect(openWorkbook(csvBytes(rows), 'z.csv').readSheet('z')).toEqual([
      ['phone', 'zip', 'f1', 'f2'],
      ['0612345678', '02134', '="a"&"b"', '=HYPERLINK("x")'],
    ]);
  });

  it('pads ragged rows to the widest row and drops trailing blank lines', () => {
    const text = 'a,b\n1,2,3\n4\n\n\n';
    expect(openWorkbook(new TextEncoder().encode(text), 'r.csv').readSheet('r')).toEqual([
      ['a', 'b', ''],
      ['1', '2', '3'],
      ['4', '', ''],
    ]);
  });

  it('keeps __proto__ / constructor headers as plain strings', () => {
    const grid = openWorkbook(
      new TextEncoder().encode('__proto__,constructor,prototype\n1,2,3\n'),
      'p.csv',
    ).readSheet('p');
    expect(grid[0]).toEqual(['__proto__', 'constructor', 'prototype']);
    expect(Object.getPrototypeOf(grid[0])).toBe(Array.prototype);
  });

  it('names the only sheet after the file', () => {
    const wb = openWorkbook(new TextEncoder().encode('a\n1\n'), 'C:\\Users\\me\\Apollo export.csv');
    expect(wb.sheets).toEqual([{ name: 'Apollo export', rowCount: 2 }]);
  });

  it('gives the top rows of its one sheet', () => {
    const wb = openWorkbook(new TextEncoder().encode('a,b\n1,2\n3,4\n'), 'top.csv');
    expect(wb.topRows('top', 2)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(wb.topRows('other', 2)).toEqual([]);
  });
});

describe('messy leads CSV', () => {
  it('reads every generated row back unchanged, in CRLF and LF', () => {
    const leads = messyLeads(2000, 11);
    for (const newline of ['\r\n', '\n']) {
      const grid = openWorkbook(leadsToCsv(leads, { newline }), 'leads.csv').readSheet('leads');
      expect(grid).toEqual([leads.header, ...leads.rows]);
    }
  });

  it('reports progress in the parse phase up to the full length', () => {
    const events: { done: number; total: number }[] = [];
    const bytes = leadsToCsv(messyLeads(20000, 2));
    openWorkbook(bytes, 'l.csv', { onProgress: (p) => p.phase === 'parse' && events.push(p) });
    expect(events.length).toBeGreaterThan(2);
    const last = events[events.length - 1]!;
    expect(last.done).toBe(last.total);
    for (let i = 1; i < events.length; i++)
      expect(events[i]!.done).toBeGreaterThanOrEqual(events[i - 1]!.done);
  });

  it('reports progress that never goes back when a stray quote has the text parsed again', () => {
    const text = new TextDecoder().decode(leadsToCsv(messyLeads(20000, 2)));
    const middle = text.indexOf('\n', text.length / 2) + 1;
    const bytes = new TextEncoder().encode(`${text.slice(0, middle)}"${text.slice(middle)}`);
    const events: { done: number; total: number }[] = [];
    const wb = openWorkbook(bytes, 'l.csv', { onProgress: (p) => p.phase === 'parse' && events.push(p) });
    expect(wb.unclosedQuoteRows).toHaveLength(1);
    for (let i = 1; i < events.length; i++)
      expect(events[i]!.done).toBeGreaterThanOrEqual(events[i - 1]!.done);
    expect(events[events.length - 1]!.done).toBe(events[events.length - 1]!.total);
  });

  it('stops with "cancelled" when the signal flips mid-parse', () => {
    const bytes = leadsToCsv(messyLeads(20000, 2));
    const signal = { aborted: false };
    let chunks = 0;
    expect(() =>
      openWorkbook(bytes, 'l.csv', {
        signal,
        onProgress: (p) => {
          if (p.phase === 'parse' && ++chunks === 2) signal.aborted = true;
        },
      }),
    ).toThrow(expect.objectContaining({ code: 'cancelled' }));
  });

  it('a generated CSV text round-trips through the reader for arbitrary cells', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 3, maxLength: 3 }), {
          minLength: 1,
          maxLength: 8,
        }),
        (body) => {
          const rows = [['h1', 'h2', 'h3'], ...body];
          // Rows that are entirely empty at the end are dropped by design.
          while (rows.length > 1 && rows[rows.length - 1]!.every((c) => c === '')) rows.pop();
          const text = toDelimitedText(rows, { delimiter: ',' });
          const grid = openWorkbook(new TextEncoder().encode(text), 'p.csv').readSheet('p');
          expect(grid).toEqual(rows);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('the regular-quoting CSV parse', () => {
  const papaRows = (text: string, delimiter: string): string[][] =>
    Papa.parse<string[]>(text, {
      delimiter,
      quoteChar: '"',
      escapeChar: '"',
      header: false,
      dynamicTyping: false,
      skipEmptyLines: false,
    }).data;
  const noCheckpoint = (): void => {};

  it('gives exactly the rows papaparse gives whenever it accepts the text', () => {
    let accepted = 0;
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'é', ',', ';', '\t', ' ', '"', '""', '\n', '\r', '\r\n', '\uFEFF'), {
          maxLength: 40,
        }),
        fc.constantFrom(',', ';', '\t'),
        (parts, delimiter) => {
          const text = parts.join('');
          const rows = parseRegular(text, delimiter, guessNewline(text), noCheckpoint);
          if (rows === null) return;
          accepted++;
          expect(rows).toEqual(papaRows(text, delimiter));
        },
      ),
      { numRuns: 3000 },
    );
    expect(accepted).toBeGreaterThan(1000);
  });

  it('leaves irregular quoting to papaparse, whose recovery the reader keeps', () => {
    for (const text of ['h1,h2\nx,"b"c\n', 'h1,h2\nx,"b" ,y\n', 'h1,h2\nx,"open\n']) {
      expect(parseRegular(text, ',', '\n', noCheckpoint)).toBeNull();
    }
    const grid = openWorkbook(new TextEncoder().encode('h1,h2\nx,"b" ,y\n'), 'q.csv').readSheet('q');
    // papaparse drops the space after the closing quote.
    expect(grid).toEqual([
      ['h1', 'h2', ''],
      ['x', 'b', 'y'],
    ]);
  });
});

describe('stray quotes', () => {
  const plain = fc.stringMatching(/^[a-zé@.][a-zé@. ]{0,5}$/);
  const quoted = fc.constantFrom('Acme, Inc', 'say "hi"', '"Bobby"', 'a,b,c', ' lead space');
  const written = (cell: string): string =>
    /^[a-zé@.][a-zé@. ]*$/.test(cell) ? cell : `"${cell.replaceAll('"', '""')}"`;

  it('here and there in a file never cost a row or move a cell, and each row holding one is named', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 5 }).chain((width) =>
          fc.array(
            fc.record({
              cells: fc.array(fc.oneof({ weight: 3, arbitrary: plain }, { weight: 1, arbitrary: quoted }), {
                minLength: width,
                maxLength: width,
              }),
              stray: fc.nat({ max: width * 2 }),
            }),
            { minLength: 2, maxLength: 12 },
          ),
        ),
        fc.constantFrom('\n', '\r\n'),
        (body, newline) => {
          const width = body[0]!.cells.length;
          const header = Array.from({ length: width }, (_, i) => `h${i + 1}`);
          const lines = [header.join(',')];
          const strayRows: number[] = [];
          body.forEach(({ cells, stray }, r) => {
            // One stray at most in a row, and none in the row after one: each at the start of a plain cell.
            const col = stray < width && !strayRows.includes(r + 1) ? stray : -1;
            const hasStray = col >= 0 && written(cells[col]!) === cells[col];
            if (hasStray) strayRows.push(r + 2);
            lines.push(cells.map((c, i) => (hasStray && i === col ? `"${c}` : written(c))).join(','));
          });
          const wb = openWorkbook(new TextEncoder().encode(lines.join(newline) + newline), 's.csv');
          expect(wb.readSheet('s')).toEqual([header, ...body.map((b) => b.cells)]);
          expect(wb.unclosedQuoteRows).toEqual(strayRows);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('are all found in a file of 100k rows with one in each, in one line of 80k, and a file of 1M quotes is read', () => {
    // Each stray was looked for again from the quote after it to the end: 20k such rows took 17 s.
    const lines = ['Email,Name,Company'];
    for (let i = 0; i < 100_000; i++) lines.push(`a${i}@b.com,"Jane ${i},Acme`);
    const wb = openWorkbook(new TextEncoder().encode(lines.join('\n') + '\n'), 'q.csv');
    const rows = wb.readSheet('q');
    expect(rows).toHaveLength(100_001);
    expect(rows[100_000]).toEqual(['a99999@b.com', 'Jane 99999', 'Acme']);
    expect(wb.unclosedQuoteRows).toHaveLength(100_000);
    const quotes = openWorkbook(new TextEncoder().encode('"'.repeat(1_000_000) + 'x'), 'quotes.csv');
    expect(quotes.readSheet('quotes')).toHaveLength(1);
    // No line break at all: the one line of 80k unclosed quotes is no usual row to measure the width by.
    const cells = Array.from({ length: 80_000 }, (_, i) => `a${i}@b.com,"Jane ${i}`).join(',');
    const line = openWorkbook(new TextEncoder().encode(cells), 'line.csv');
    expect(line.readSheet('line')[0]).toHaveLength(160_000);
  }, 30_000);

  it('leave no quote that papaparse would find never closed', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'é', ',', ' ', '"', '""', '\n'), { maxLength: 40 }),
        (parts) => {
          const text = parts.join('');
          const strays = strayOpeningQuotes(text, ',', '\n');
          let mended = text;
          for (const { at } of [...strays].reverse()) mended = mended.slice(0, at) + mended.slice(at + 1);
          const parsed = Papa.parse<string[]>(mended, { delimiter: ',', newline: '\n', quoteChar: '"' });
          expect(parsed.errors.filter((e) => e.code === 'MissingQuotes')).toEqual([]);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('line ends mixed in one file', () => {
  it('never run two rows into one, whichever line end most rows have', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            cells: fc.array(fc.stringMatching(/^[a-zé@.]{1,6}$/), { minLength: 2, maxLength: 2 }),
            end: fc.constantFrom('\r\n', '\n', '\r'),
          }),
          { minLength: 1, maxLength: 15 },
        ),
        (body) => {
          const text = ['Email,Name\r\n', ...body.map((b) => b.cells.join(',') + b.end)].join('');
          const grid = openWorkbook(new TextEncoder().encode(text), 'm.csv').readSheet('m');
          // A Windows line end in a file of Unix ones leaves its carriage return on the row's last cell.
          const read = grid.map((row) => row.map((cell) => cell.replace(/\r$/, '')));
          expect(read).toEqual([['Email', 'Name'], ...body.map((b) => b.cells)]);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('keeps the line break Excel writes inside a cell of a Windows file, beside rows added with Unix line ends', () => {
    const text = 'Email,Note\r\na@x.com,"first line\nsecond line"\r\nb@x.com,B\nc@x.com,C\r\n';
    expect(openWorkbook(new TextEncoder().encode(text), 'm.csv').readSheet('m')).toEqual([
      ['Email', 'Note'],
      ['a@x.com', 'first line\nsecond line'],
      ['b@x.com', 'B'],
      ['c@x.com', 'C'],
    ]);
  });
});

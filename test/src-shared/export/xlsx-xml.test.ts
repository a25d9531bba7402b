import { describe, expect, it } from 'vitest';
import { columnLetters, columnWidths, rowXml, xmlText } from '../../../src-shared/export/xlsx-xml';

describe('SpreadsheetML text', () => {
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [51, 'AZ'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('column %i is %s', (i, letters) => {
    expect(columnLetters(i)).toBe(letters);
  });

  it.each([
    ['plain text', 'plain text'],
    ['<script>alert("x")</script> & co', '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co'],
    ['line\r\nbreak\ttab', 'line_x000D_\nbreak\ttab'],
    ['bell\u0007', 'bell_x0007_'],
    ['literal _x000D_ stays', 'literal _x005F_x000D_ stays'],
    ['lone \ud800 surrogate', 'lone \ufffd surrogate'],
    ['emoji 🚀 ok', 'emoji 🚀 ok'],
  ])('%j', (value, xml) => {
    expect(xmlText(value)).toBe(xml);
  });

  it('rows are inline-string cells (never formulas) and empty cells are left out', () => {
    expect(rowXml(3, ['=1+1', '', 'b'])).toBe(
      '<row r="3"><c r="A3" t="inlineStr"><is><t xml:space="preserve">=1+1</t></is></c>' +
        '<c r="C3" t="inlineStr"><is><t xml:space="preserve">b</t></is></c></row>',
    );
  });

  it('the header row is bold (style 1)', () => {
    expect(rowXml(1, ['email'], ['A'], true)).toBe(
      '<row r="1"><c r="A1" s="1" t="inlineStr"><is><t xml:space="preserve">email</t></is></c></row>',
    );
  });
});

describe('column widths', () => {
  it("are each column's longest line with room to spare, within 8 and 60 characters", () => {
    const header = ['id', 'email', 'step_1_body'];
    const rows = [
      ['1', 'jane.doe@acme.com', 'Hi Jane,\nA short line.'],
      ['2', 'bo@li.io', `Hi Bo,\n${'x'.repeat(200)}`],
    ];
    expect(columnWidths(header, rows)).toEqual([8, 'jane.doe@acme.com'.length + 2, 60]);
    expect(columnWidths(header, [])).toEqual([8, 8, 'step_1_body'.length + 2]);
  });
});

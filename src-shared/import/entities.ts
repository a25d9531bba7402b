/*
 * The HTML entities a scraper or a web form leaves in the text it saves: "Smith &amp; Co", "O&#39;Brien",
 * "Ren&eacute;", "jane&#64;acme.com". An email would repeat them as written.
 */

const NAMED = new Map<string, string>([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
  ['nbsp', '\u00a0'],
  ['ndash', '\u2013'],
  ['mdash', '\u2014'],
  ['lsquo', '\u2018'],
  ['rsquo', '\u2019'],
  ['ldquo', '\u201c'],
  ['rdquo', '\u201d'],
  ['laquo', '\u00ab'],
  ['raquo', '\u00bb'],
  ['hellip', '\u2026'],
  ['middot', '\u00b7'],
  ['bull', '\u2022'],
  ['copy', '\u00a9'],
  ['reg', '\u00ae'],
  ['trade', '\u2122'],
  ['euro', '\u20ac'],
  ['pound', '\u00a3'],
  ['iexcl', '\u00a1'],
  ['iquest', '\u00bf'],
  ['szlig', '\u00df'],
  ['aelig', '\u00e6'],
  ['AElig', '\u00c6'],
  ['oelig', '\u0153'],
  ['OElig', '\u0152'],
  ['oslash', '\u00f8'],
  ['Oslash', '\u00d8'],
  ['eth', '\u00f0'],
  ['ETH', '\u00d0'],
  ['thorn', '\u00fe'],
  ['THORN', '\u00de'],
]);
// A letter with an accent: "&eacute;" is e and the combining acute accent, put together by NFC later.
const ACCENTED = /^([A-Za-z])(acute|grave|circ|uml|tilde|cedil|ring|caron)$/;
const ACCENTS = new Map([
  ['acute', '\u0301'],
  ['grave', '\u0300'],
  ['circ', '\u0302'],
  ['uml', '\u0308'],
  ['tilde', '\u0303'],
  ['cedil', '\u0327'],
  ['ring', '\u030a'],
  ['caron', '\u030c'],
]);
// An entity, after any "&amp;" a second encoding put before it ("&amp;amp;", "&amp;#39;"): each is
// read in one step, so that reading the result again finds no entity that was not in the text.
const ENTITY = /&(?:amp;|#0*38;|#x0*26;)*(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]{2,8});/g;
// What a number may stand for: not a letter, digit or mark that text around it could make an entity of.
const SPELLS_ENTITY = /[A-Za-z0-9#;]/;

function decoded(name: string): string | null {
  if (name.charCodeAt(0) === 0x23) {
    const hex = name.charCodeAt(1) === 0x78 || name.charCodeAt(1) === 0x58;
    const code = Number.parseInt(name.slice(hex ? 2 : 1), hex ? 16 : 10);
    if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return null;
    const ch = String.fromCodePoint(code);
    return SPELLS_ENTITY.test(ch) ? null : ch;
  }
  const named = NAMED.get(name);
  if (named !== undefined) return named;
  const accented = ACCENTED.exec(name);
  return accented === null ? null : `${accented[1] as string}${ACCENTS.get(accented[2] as string) as string}`;
}

/** `value` with its HTML entities read: "Smith &amp; Co" -> "Smith & Co"; an unknown one ("&foo;") kept. */
export function withoutEntities(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(
    ENTITY,
    (whole, name: string) => decoded(name) ?? (whole.length > name.length + 2 ? `&${name};` : whole),
  );
}

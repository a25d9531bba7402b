import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { withoutEntities } from '../../../src-shared/import/entities';

describe('withoutEntities', () => {
  it('reads the entities a scraper leaves in names, companies and addresses', () => {
    expect(withoutEntities('Smith &amp; Co')).toBe('Smith & Co');
    expect(withoutEntities('O&#39;Brien')).toBe("O'Brien");
    expect(withoutEntities('O&#x27;Brien')).toBe("O'Brien");
    expect(withoutEntities('Ren&eacute; M&uuml;ller').normalize('NFC')).toBe('René Müller');
    expect(withoutEntities('jane&#64;acme.com')).toBe('jane@acme.com');
    expect(withoutEntities('Caf&#xE9; &ndash; Bar')).toBe('Café – Bar');
  });

  it('reads text encoded twice in one step', () => {
    expect(withoutEntities('R&amp;amp;D')).toBe('R&D');
    expect(withoutEntities('&amp;lt;b&amp;gt;')).toBe('<b>');
    expect(withoutEntities('&amp;#39;')).toBe("'");
  });

  it('keeps an ampersand that starts no entity, an unknown one, and a number standing for a letter', () => {
    expect(withoutEntities('AT&T')).toBe('AT&T');
    expect(withoutEntities('Q&A;')).toBe('Q&A;');
    expect(withoutEntities('&foo;')).toBe('&foo;');
    expect(withoutEntities('&amp;foo;')).toBe('&foo;');
    // "&#97;" is "a": text around it could spell an entity ("&&#97;mp;"), so it stays as written.
    expect(withoutEntities('&&#97;mp;')).toBe('&&#97;mp;');
  });

  it('changes nothing the second time', () => {
    const piece = fc.constantFrom(
      '&',
      'amp;',
      '#38;',
      '#x26;',
      '#39;',
      'lt;',
      'eacute;',
      'e',
      'foo;',
      ';',
      '#',
      'a',
      ' ',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const once = withoutEntities(pieces.join(''));
        expect(withoutEntities(once)).toBe(once);
      }),
    );
  });
});

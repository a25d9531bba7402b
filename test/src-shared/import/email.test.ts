import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  checkEmail,
  cleanEmail,
  emailDomain,
  emailKey,
  emailRegistrableDomainOf,
  hasSeveralEmails,
  isRoleAddress,
} from '../../../src-shared/import/email';
import { websiteDomain } from '../../../src-shared/import/website';
import { suggestDomain, withinOneSlip } from '../../../src-shared/import/typos';

describe('cleanEmail', () => {
  it.each([
    ['  jane@acme.com ', 'jane@acme.com'],
    ['mailto:jane@acme.com', 'jane@acme.com'],
    ['MAILTO:jane@acme.com?subject=Hello%20there', 'jane@acme.com'],
    ['<jane@acme.com>', 'jane@acme.com'],
    ['Jane Doe <jane@acme.com>', 'jane@acme.com'],
    ['Jane Doe [jane@acme.com]', 'jane@acme.com'], // as Outlook quotes a sender
    ['Jane Doe [mailto:jane@acme.com]', 'jane@acme.com'],
    ['jane@acme.com (Jane Doe)', 'jane@acme.com'], // the older form, a comment after it
    ['Jane Doe (jane@acme.com)', 'jane@acme.com'], // as some mail apps write a recipient
    // Percent-encoded, as a mailto: link's href writes it.
    ['mailto:jane%40acme.com', 'jane@acme.com'],
    ['mailto:%20jane%2Bnews@acme.com', 'jane+news@acme.com'],
    ['jane%40acme.com', 'jane@acme.com'],
    ['%20jane@acme.com%20', 'jane@acme.com'],
    ['50%off@acme.com', '50%off@acme.com'], // a % of the address's own
    ['jane@ACME.com(work)', 'jane@acme.com'],
    ['"Doe, Jane" <Jane.Doe@ACME.COM>', 'Jane.Doe@acme.com'], // local part keeps its case
    ['jane@acme.com.', 'jane@acme.com'],
    ['(jane@acme.com);', 'jane@acme.com'],
    ['jane@acme.com; john@acme.com', 'jane@acme.com'],
    // Of several, the one that reaches the person best: at work, then free mail or a team inbox.
    ['info@acme.com; jane.doe@acme.com', 'jane.doe@acme.com'],
    ['jane@gmail.com, jane@acme.com', 'jane@acme.com'],
    ['jane@gmial.com, jane@gmail.com', 'jane@gmail.com'], // one with a slip comes after one without
    ['jane@acme, JANE@GMAIL.COM', 'JANE@gmail.com'],
    ['jane@gmial.com, bob@gmial.com', 'jane@gmial.com'], // none without: the first, with its fix offered
    ['jane @acme.com', 'jane@acme.com'], // one address with a slip, not "@acme.com"
    ['jane @ acme.com', 'jane@acme.com'],
    ['jane@acme.com (work)', 'jane@acme.com'],
    ['jane@acme.com hq', 'jane@acme.com'],
    // A space inside the domain is no note after the address: cut there, "jane@acme.co m" would be
    // jane@acme.co, someone else, ready to send. Kept, the check offers the address closed up.
    ['jane@acme.co m', 'jane@acme.co m'],
    ['jane@acme. com', 'jane@acme. com'],
    ['jane@acme . com', 'jane@acme . com'],
    ['jane@acme.com .', 'jane@acme.com'], // closed up, no domain: the dot is punctuation
    ['jane@acme.com uk', 'jane@acme.com'], // "acme.comuk" is no domain
    // Words before one address may be part of it: kept, and the check offers the last word's address
    // to confirm ("ne@acme.com" may be somebody else).
    ['ja ne@acme.com', 'ja ne@acme.com'],
    ['Jane Doe jane@acme.com', 'Jane Doe jane@acme.com'],
    ['jane@bücher.de', 'jane@xn--bcher-kva.de'],
    ['jane@BÜCHER.DE', 'jane@xn--bcher-kva.de'],
    ['jane\uFF20acme.com', 'jane@acme.com'],
    ['ja\u200Bne@acme.com', 'jane@acme.com'],
    ['jane@acme,com', 'jane@acme,com'], // a comma for the dot: kept, the check offers the fix
    ['jane@acme.com,uk', 'jane@acme.com'], // an address and then text
    ['jane@acme.com,work', 'jane@acme.com'],
    // A comma for a dot inside the domain's ending: cut there, "jane@acme.co,uk" would be jane@acme.co,
    // another company, ready to send. Kept, the check offers the fix.
    ['jane@acme.co,uk', 'jane@acme.co,uk'],
    ['jane@acme,co.uk', 'jane@acme,co.uk'],
    ['Jane@Acme.Com,AU', 'Jane@acme.com,au'],
    ['jane@acme.co;uk', 'jane@acme.co;uk'], // a semicolon likewise
    ['jane@acme.com;work', 'jane@acme.com'],
    ['not an email', 'not an email'], // kept for the user to fix
    ['', null],
    ['   ', null],
    ['#REF!', null], // Excel's error value of a broken formula: no address, as in any other column
    ['n.a.', null],
  ])('%j -> %j', (input, expected) => {
    expect(cleanEmail(input)).toBe(expected);
  });

  it.each(['! !', "{ '*", "(mailto:'jane@acme.com')", '#;@', 'a b;@c'])(
    'cleaning %j twice changes nothing',
    (raw) => {
      const once = cleanEmail(raw);
      expect(once === null ? null : cleanEmail(once)).toBe(once);
    },
  );

  it('is idempotent', () => {
    const local = fc.stringMatching(/^[A-Za-z0-9._%+'-]{1,20}$/);
    const domain = fc.constantFrom(
      'acme.com',
      'ACME.co.uk',
      'bücher.de',
      'gmail.com',
      'xn--bcher-kva.de',
      'mail.例え.jp',
    );
    const decorated = fc
      .tuple(
        fc.constantFrom('', ' ', 'mailto:', '<', 'Jane <', '"', '%20', 'mailto:%20', 'Jane ('),
        local,
        domain,
        fc.constantFrom('', '>', '.', ';', ' ', '?x=1', ';uk', ',uk', ';work', 'аcme', '%20', ')', '%40'),
      )
      .map(([pre, l, d, post]) => `${pre}${l}@${d}${post}`);
    fc.assert(
      fc.property(fc.oneof(decorated, fc.string()), (raw) => {
        const once = cleanEmail(raw);
        return once === null || cleanEmail(once) === once;
      }),
    );
  });
});

describe('emailRegistrableDomainOf', () => {
  it.each([
    ['jane@acme.com', 'acme.com'],
    ['jane@eu.shop.acme.co.uk', 'acme.co.uk'],
    ['jane@xn--bcher-kva.de', 'xn--bcher-kva.de'],
    ['Jane@Sub.Acme.COM', 'acme.com'],
    ['jane@acme.myshopify.com', 'acme.myshopify.com'],
    ['jane@github.io', 'github.io'],
    ['jane@acme.zzz', null],
    ['jane@co.uk', null],
    ['jane@acme', null],
    ['no-at-sign', null],
  ])('%s -> %s, as websiteDomain gives for a valid address', (email, expected) => {
    expect(emailRegistrableDomainOf(email)).toBe(expected);
    if (checkEmail(email).syntaxValid) expect(websiteDomain(emailDomain(email))).toBe(expected);
  });
});

describe('emailKey', () => {
  it.each([
    ['Jane+News@Acme.com', 'jane@acme.com'],
    ['jane.doe@acme.com', 'jane.doe@acme.com'],
    ['Jane.Doe@ACME.com', 'jane.doe@acme.com'],
    ['j.a.n.e+x@googlemail.com', 'jane@gmail.com'],
    ['Jane.Doe@Gmail.com', 'janedoe@gmail.com'],
    ['jane.doe@gmail.com.au', 'jane.doe@gmail.com.au'], // not Gmail: its dots count
    ['+x@acme.com', '+x@acme.com'], // nothing before the tag: not a tag
    ['...@gmail.com', '...@gmail.com'], // no mailbox left once the dots go: kept as it is
    ['no-at+sign', 'no-at+sign'],
  ])('%s -> %s (the mailbox the address reaches)', (email, key) => {
    expect(emailKey(email)).toBe(key);
  });

  it('is its own key and ignores case, as migration 0010 relies on when it re-keys stored keys', () => {
    const address = fc
      .tuple(
        fc.stringMatching(/^[A-Za-z0-9.+@_-]{0,12}$/),
        fc.constantFrom('@gmail.com', '@GoogleMail.com', '@acme.com', '@x', ''),
      )
      .map(([local, domain]) => local + domain);
    fc.assert(
      fc.property(address, (email) => {
        const key = emailKey(email);
        expect(emailKey(key)).toBe(key);
        expect(emailKey(email.toLowerCase())).toBe(key);
        expect(emailKey(email.toUpperCase())).toBe(key);
      }),
    );
  });
});

describe('hasSeveralEmails', () => {
  it('spots lists but not a single address', () => {
    expect(hasSeveralEmails('a@x.com, b@y.com')).toBe(true);
    expect(hasSeveralEmails('Jane <jane@acme.com>')).toBe(false);
    // One address written twice is one address.
    expect(hasSeveralEmails('jane@acme.com, Jane@Acme.com')).toBe(false);
    expect(hasSeveralEmails('Jane Doe <jane@acme.com>; jane@acme.com')).toBe(false);
  });
});

describe('checkEmail syntax', () => {
  it.each([
    ['jane.doe@acme.com', true],
    ["o'brien+leads@acme.co.uk", true],
    ['jane@xn--bcher-kva.de', true],
    ['jane@sub.acme.io', true],
    ['jane@acme.github.io', true],
    ['jane@github.io', true],
    ['jane', false],
    ['@acme.com', false],
    ['jane@', false],
    ['jane@@acme.com', false],
    ['.jane@acme.com', false],
    ['jane.@acme.com', false],
    ['ja..ne@acme.com', false],
    ['ja ne@acme.com', false],
    ['"jane doe"@acme.com', false],
    ['josé@acme.com', false],
    ['jane@acme', false],
    ['jane@acme.c', false],
    ['jane@-acme.com', false],
    ['jane@acme..com', false],
    ['jane@[192.168.0.1]', false],
    ['jane@acme.notarealtld', false],
    [`${'a'.repeat(65)}@acme.com`, false],
    [`jane@${'b'.repeat(63)}.com`, true],
    [`jane@${'b'.repeat(64)}.com`, false],
    ['jane@acme-.com', false],
    ['jane@acme.com-', false],
    ['jane@ac_me.com', false],
    ['jane@acme.c0m', false],
    ['jane@acme.com.', false],
    ['jane@.acme.com', false],
    ['jane@2-acme.com', true],
    ['jane@acme.xn--p1ai', true],
    [
      `a@${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.${'e'.repeat(60)}.${'f'.repeat(60)}.com`,
      false,
    ],
  ])('%s valid=%s', (email, valid) => {
    const r = checkEmail(email);
    expect(r.syntaxValid).toBe(valid);
    if (!valid) expect(r.reason).toMatch(/\w/);
    else expect(r.reason).toBeNull();
  });

  it('explains what is wrong in words', () => {
    expect(checkEmail('jane').reason).toBe('No @ sign');
    expect(checkEmail('www.acme.com').reason).toBe('A web address, not an email address');
    expect(checkEmail('https://acme.com/team').reason).toBe('A web address, not an email address');
    expect(checkEmail('janeacme.com').reason).toBe('No @ sign'); // an address without its @, perhaps
    expect(checkEmail('jane@acme').reason).toMatch(/no dot/);
    expect(checkEmail('"x"@acme.com').reason).toMatch(/Quoted/);
  });
});

describe('checkEmail typo suggestions', () => {
  it.each([
    ['jane@gmial.com', 'jane@gmail.com'],
    ['jane@gmai.com', 'jane@gmail.com'],
    ['jane@hotmial.com', 'jane@hotmail.com'],
    ['jane@yaho.com', 'jane@yahoo.com'],
    ['jane@outlok.com', 'jane@outlook.com'],
    ['jane@gmail.con', 'jane@gmail.com'],
    ['jane@gmail.cmo', 'jane@gmail.com'],
    ['jane@acme.con', 'jane@acme.com'],
    ['jane@acme.ogr', 'jane@acme.org'],
    ['jane@yahoo.co.uj', 'jane@yahoo.co.uk'],
    ['jane@acme.co.ul', 'jane@acme.co.uk'],
    ['Jane@gnail.com', 'Jane@gmail.com'],
    ['Jane Doe jane@acme.com', 'jane@acme.com'], // words before the address
    ['jane doe jane@acme.com', 'jane@acme.com'],
    ['Jane jane@gmial.com', 'jane@gmail.com'],
    ['mail: jane@acme.com', 'jane@acme.com'],
    ['jane.doe jane.doe@acme.com', 'jane.doe@acme.com'], // the address said twice
    ['jane@acme,com', 'jane@acme.com'], // a comma for the dot
    ['jane@acme,co,uk', 'jane@acme.co.uk'],
    ['jane@acme,co.uk', 'jane@acme.co.uk'],
    ['jane@acme.co,uk', 'jane@acme.co.uk'],
    ['jane@acme.com,au', 'jane@acme.com.au'],
    ['jane@acme;com', 'jane@acme.com'], // a semicolon for the dot
    ['jane@acme.co;uk', 'jane@acme.co.uk'],
    ['jane@gmial;com', 'jane@gmail.com'],
    // The ending typed twice: as written, an address at whoever registered com.com to catch the slip.
    ['jane@gmail.com.com', 'jane@gmail.com'],
    ['jane@acme.com.com', 'jane@acme.com'],
    ['jane@acme.co.uk.co.uk', 'jane@acme.co.uk'],
    ['jane@gmial.com.com', 'jane@gmail.com'], // and its typo, in one fix
    ['jane@gmail.comcom', 'jane@gmail.com'],
    ['jane@gmial,com', 'jane@gmail.com'],
    ['jane@acme. com', 'jane@acme.com'], // a space typed in the domain
    ['jane@acme .com', 'jane@acme.com'],
    ['jane@acme.co m', 'jane@acme.com'],
    ['Jane Doe jane@gmial . com', 'jane@gmail.com'], // words before, a space and a typo, in one fix
    ['jane@@acme.com', 'jane@acme.com'], // one @ typed twice
    ['jane@@@acme.com', 'jane@acme.com'],
    ['Jane@@gmial.com', 'Jane@gmail.com'], // and its typo, in one fix
    ['Jane Doe jane@@acme.com', 'jane@acme.com'],
  ])('%s -> %s', (email, suggestion) => {
    expect(checkEmail(email).suggestion).toBe(suggestion);
  });

  it.each(['jane@bob@acme.com', 'jane@@bob@acme.com', 'jane@acme.com@@', '@@acme.com', 'jane@@acme'])(
    'offers no fix for a second @ that is not the first typed twice, or where one @ is still no address: %s',
    (email) => {
      expect(checkEmail(email)).toMatchObject({
        syntaxValid: false,
        reason: 'More than one @ sign',
        suggestion: null,
      });
    },
  );

  it.each([
    ['jane [at] acme [dot] com', 'jane@acme.com'],
    ['Jane(at)Acme.com', 'Jane@acme.com'],
    ['jane{at}acme{dot}co{dot}uk', 'jane@acme.co.uk'],
    ['jane AT acme DOT com', 'jane@acme.com'],
    ['jane [at] gmial [dot] com', 'jane@gmail.com'], // and its typo, in one fix
  ])('reads an address written out to hide it from robots: %j -> %s', (email, suggestion) => {
    const check = checkEmail(email);
    expect(check.syntaxValid).toBe(false);
    expect(check.reason).toBe('The address is written out to hide it from robots');
    expect(check.suggestion).toBe(suggestion);
  });

  it.each(['sam lee@acme.com', 'ja ne@gmial.com'])(
    'offers no guess for an address broken by a space, which may be sam.lee@ or samlee@: %s',
    (email) => {
      expect(checkEmail(email)).toMatchObject({
        syntaxValid: false,
        reason: 'Spaces are not allowed in an address',
        suggestion: null,
      });
    },
  );

  it.each([
    'jane:x@gmial.com',
    'jane)@acme,com',
    'jane..doe@acme.con',
    'at {@jane.at',
    'at { at jane(dot) at',
  ])(
    'offers no fix that leaves an address no one can send to, or that cleaning would change again: %s',
    (email) => {
      expect(checkEmail(email)).toMatchObject({ syntaxValid: false, suggestion: null });
    },
  );

  it.each(['Jane at Acme', 'jane [at] acme [at] home [dot] com', 'at [dot] com', 'catalogue'])(
    'offers no address for text that spells none out: %j',
    (text) => {
      expect(checkEmail(text)).toMatchObject({ reason: 'No @ sign', suggestion: null });
    },
  );

  it.each([
    'jane@gmail.com',
    'jane@mac.com',
    'jane@me.com',
    'jane@acme.com',
    'jane@acme.co',
    'jane@key.com',
    'jane@mail.com',
    'jane@web.de',
    'jane@com.com', // the ending twice, with no name before it: nothing to take away
    'jane@acme.com.net',
    'jane@mail.acme.com',
  ])('does not "fix" a real domain: %s', (email) => {
    expect(checkEmail(email).suggestion).toBeNull();
  });

  it.each([
    ['jane@\u0430cme.com', 'jane@acme.com'], // a Cyrillic "а" in the domain: an address at xn--cme-5cd.com
    ['jane@gm\u0430il.con', 'jane@gmail.com'], // and a slip besides
    ['jane@gma\u0131l.com', 'jane@gmail.com'], // the Turkish dotless "ı"
    ['jane@acme.\u0441\u043em', 'jane@acme.com'], // an ending of lookalikes alone is no ending
    ['j\u0430ne@acme.com', 'jane@acme.com'], // before the @
  ])('offers Latin letters for letters of other alphabets drawn like them: %s -> %s', (raw, fixed) => {
    const check = checkEmail(cleanEmail(raw) as string);
    expect(check.suggestion).toBe(fixed);
    expect(checkEmail(fixed)).toMatchObject({ syntaxValid: true, suggestion: null });
  });

  it('reads an address typed in full-width letters, as IDNA maps a domain, with nothing to fix', () => {
    const email = cleanEmail(
      '\uff4a\uff41\uff4e\uff45\uff20\uff41\uff43\uff4d\uff45\uff0e\uff43\uff4f\uff4d',
    );
    expect(email).toBe('jane@acme.com');
    expect(checkEmail(email as string)).toMatchObject({ syntaxValid: true, suggestion: null });
  });

  it.each([
    ['josé@acme.com', 'jose@acme.com'],
    ['chloé.martin@acme.fr', 'chloe.martin@acme.fr'],
    ['françois@gmial.com', 'francois@gmail.com'], // and a slip in the domain
  ])("offers the address without the accents its owner's name has: %s -> %s", (raw, fixed) => {
    const check = checkEmail(cleanEmail(raw) as string);
    expect(check).toMatchObject({ syntaxValid: false, suggestion: fixed });
    expect(checkEmail(fixed)).toMatchObject({ syntaxValid: true, suggestion: null });
  });

  it.each(['müller@acme.de', 'jørgen@acme.dk', 'josé@acme'])(
    'offers no unaccented address where the letter has two spellings or the domain is no domain: %s',
    (raw) => {
      expect(checkEmail(cleanEmail(raw) as string)).toMatchObject({ syntaxValid: false, suggestion: null });
    },
  );

  it.each([
    'jane@\u043f\u0440\u0438\u043c\u0435\u0440.\u0440\u0444',
    'jane@\u0440\u0443\u0441.com',
    'jane@b\u00fccher.de',
  ])('leaves a domain of another alphabet as it is, even one of lookalikes alone: %s', (raw) => {
    expect(checkEmail(cleanEmail(raw) as string)).toMatchObject({ syntaxValid: true, suggestion: null });
  });

  it('fixes the domain only', () => {
    expect(suggestDomain('gmial.com')).toBe('gmail.com');
    expect(suggestDomain('acme.com')).toBeNull();
  });

  it.each([
    ['gmial.com', 'gmail.com', true],
    ['gmai.com', 'gmail.com', true],
    ['gmaill.com', 'gmail.com', true],
    ['gnail.com', 'gmail.com', true],
    ['gmail.com', 'gmail.com', true],
    ['acme.com', 'me.com', false],
    ['abc', 'abcdef', false],
    ['gmila.com', 'gmail.com', false],
    ['ab', 'ba', true],
    ['aab', 'ab', true],
  ] as const)('one slip: %s vs %s -> %s', (a, b, expected) => {
    expect(withinOneSlip(a, b)).toBe(expected);
    expect(withinOneSlip(b, a)).toBe(expected);
  });
});

describe('checkEmail flags', () => {
  it.each([
    'info@acme.com',
    'Sales@acme.com',
    'contact@acme.com',
    'support@acme.com',
    'admin@acme.com',
    'hello@acme.com',
    'office@acme.com',
    'marketing@acme.com',
    'noreply@acme.com',
    'no-reply@acme.com',
    'info.de@acme.com',
    'sales+leads@acme.com',
  ])('role: %s', (email) => {
    expect(checkEmail(email).role).toBe(true);
    expect(isRoleAddress(email)).toBe(true);
  });

  it.each(['jane@acme.com', 'infodesk.jane@acme.com', 'salesforce.admin.jane@acme.com'])(
    'not role: %s',
    (email) => {
      expect(isRoleAddress(email)).toBe(false);
    },
  );

  it.each([
    'noreply@acme.com',
    'No-Reply@acme.com',
    'do_not_reply@acme.com',
    'noreply.billing@acme.com',
    'mailer-daemon@acme.com',
    'bounces+1234@mail.acme.com',
  ])('cannot be sent to, nobody reading it: %s', (email) => {
    expect(checkEmail(email)).toMatchObject({
      syntaxValid: false,
      reason: 'A no-reply address: nobody reads what is sent to it',
      suggestion: null,
    });
  });

  it.each(['replyall@acme.com', 'noreen@acme.com', 'bouncer.jane@acme.com', 'reply@acme.com'])(
    'can be sent to, whatever it starts with: %s',
    (email) => {
      expect(checkEmail(email).syntaxValid).toBe(true);
    },
  );

  it("cannot be sent to at a domain kept for examples, a CRM's test records", () => {
    expect(checkEmail('test@example.com')).toMatchObject({
      syntaxValid: false,
      reason: 'example.com is kept for examples: no mail reaches it',
    });
    expect(checkEmail('jane@mail.example.org').reason).toBe(
      'example.org is kept for examples: no mail reaches it',
    );
    // No typo is fixed into one of them.
    expect(checkEmail('jane@exmaple.com').suggestion).not.toBe('jane@example.com');
    expect(checkEmail('jane@example.co.uk').syntaxValid).toBe(true);
  });

  it('flags free-mail providers, not companies', () => {
    expect(checkEmail('jane@gmail.com').freeMail).toBe(true);
    expect(checkEmail('jane@web.de').freeMail).toBe(true);
    expect(checkEmail('jane@acme.com').freeMail).toBe(false);
  });

  it('flags disposable domains, including wildcard subdomains', () => {
    expect(checkEmail('x@mailinator.com').disposable).toBe(true);
    expect(checkEmail('x@sub.33mail.com').disposable).toBe(true);
    expect(checkEmail('x@gmail.com').disposable).toBe(false);
    expect(checkEmail('x@acme.com').disposable).toBe(false);
  });
});

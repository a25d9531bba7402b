import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cleanLead } from '../../../src-shared/import/clean';
import { cleanPersonName } from '../../../src-shared/import/name';
import { nameInAddress, namePartsByAddress } from '../../../src-shared/import/name-in-address';
import { emptyLead } from '../../../src-shared/import/types';

describe('namePartsByAddress', () => {
  it.each([
    ['Jane Doe', 'jane.doe@acme.com', 'Jane', 'Doe'],
    ['Jane Doe', 'doe.jane@acme.com', 'Jane', 'Doe'],
    ['Jane Doe', 'j.doe@acme.com', 'Jane', 'Doe'],
    ['Jane Doe', 'JDoe+news@acme.com', 'Jane', 'Doe'],
    ['Jane Marie Doe', 'jane.m.doe85@acme.com', 'Jane Marie', 'Doe'],
    ['Jan van der Berg', 'jan.vanderberg@acme.nl', 'Jan', 'van der Berg'],
    ['José García', 'jose.garcia@acme.es', 'José', 'García'],
    ['Seán O\u2019Neil', 'sean.oneil@acme.ie', 'Seán', 'O\u2019Neil'],
    ['Jean-Pierre Dupont', 'jean-pierre.dupont@acme.fr', 'Jean-Pierre', 'Dupont'],
  ])('%s at %s is %s, of the %s family', (name, email, firstName, lastName) => {
    expect(namePartsByAddress(name, email)).toEqual({ firstName, lastName });
  });

  it.each([
    ['Mary Ann', 'mary@acme.com'], // two given names, as far as anyone can tell
    ['Mary Ann', 'mary.smith@acme.com'],
    ['Jane Doe', 'info@acme.com'],
    ['Jane', 'jane.doe@acme.com'], // one word: nothing to split
    ['Jane Doe', null],
  ])('%s at %s stays whole', (name, email) => {
    expect(namePartsByAddress(name, email)).toBeNull();
  });
});

describe('nameInAddress', () => {
  it.each([
    ['ann.lee@acme.com', 'Ann', 'Lee'],
    ['Ann.Lee@acme.com', 'Ann', 'Lee'],
    ['ann_lee+news@acme.com', 'Ann', 'Lee'],
    ['jean-pierre.dupont@acme.fr', 'Jean-Pierre', 'Dupont'],
    ["sean.o'neil@acme.ie", 'Sean', "O'Neil"],
    ['ann.mcdonald@acme.com', 'Ann', 'McDonald'],
    ['john.m.smith85@gmail.com', 'John', 'Smith'],
    ['tj.lee@acme.com', 'TJ', 'Lee'],
    ['ed.ray@acme.com', 'Ed', 'Ray'],
    ['josé.garcía@acme.es', 'José', 'García'],
  ])('%s reads as %s %s', (email, firstName, lastName) => {
    expect(nameInAddress(email)).toEqual({ firstName, lastName, fullName: `${firstName} ${lastName}` });
  });

  it.each([
    ['alee@acme.com', 'which letters are the first name cannot be told'],
    ['annlee@acme.com', 'one word'],
    ['ann@acme.com', 'one word'],
    ['a.lee@acme.com', 'an initial is no first name'],
    ['mary.ann.smith@acme.com', 'three names: which is the last is a guess'],
    ['sales.team@acme.com', 'a team inbox'],
    ['info.uk@acme.com', 'a role address'],
    ['ann.sales@acme.com', 'a role word'],
    ['first.last@acme.com', 'a template'],
    ['vp.ops@acme.com', 'a job is no first name'],
    ['test.user@acme.com', 'a test address'],
    ['2019.report@acme.com', 'no letters'],
    ['ann.lee', 'no address'],
    ['@acme.com', 'no local part'],
  ])('%s reads as no name (%s)', (email) => {
    expect(nameInAddress(email)).toBeNull();
  });

  it('gives names that cleaning leaves as they are, or no name', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.stringMatching(/^[a-zA-Z0-9._'+-]{1,24}$/),
          // Mostly the first.last shape, with what addresses add to it.
          fc
            .tuple(
              fc.stringMatching(/^[a-zA-Z]{1,8}(?:['-][a-zA-Z]{1,6})?$/),
              fc.constantFrom('.', '_', '.m.'),
              fc.stringMatching(/^[a-zA-Z]{1,8}(?:['-][a-zA-Z]{1,6})?$/),
              fc.constantFrom('', '85', '+news'),
            )
            .map((parts) => parts.join('')),
        ),
        fc.constantFrom('acme.com', 'gmail.com'),
        (local, domain) => {
          const name = nameInAddress(`${local}@${domain}`);
          if (name === null) return;
          expect(cleanPersonName(name.firstName)).toBe(name.firstName);
          expect(cleanPersonName(name.lastName)).toBe(name.lastName);
          expect(name.fullName).toBe(`${name.firstName} ${name.lastName}`);
          // Taking the fix gives the lead a name: the flag does not come back.
          const fixed = cleanLead({ ...emptyLead(), email: `${local}@${domain}`, ...name });
          expect(fixed.issues.map((i) => i.flag)).not.toContain('no_name');
          expect(fixed.issues.map((i) => i.flag)).not.toContain('name_in_address');
        },
      ),
    );
  });
});

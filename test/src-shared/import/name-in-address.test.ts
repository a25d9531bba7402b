import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cleanLead } from '../../../src-shared/import/clean';
import { cleanPersonName } from '../../../src-shared/import/name';
import { nameInAddress } from '../../../src-shared/import/name-in-address';
import { emptyLead } from '../../../src-shared/import/types';

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

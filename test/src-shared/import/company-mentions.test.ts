import { describe, expect, it } from 'vitest';
import {
  separateCompanyFromNames,
  separateCompanyFromTitle,
  type CompanyMentionFields,
} from '../../../src-shared/import/company-mentions';

function separated(fields: Partial<CompanyMentionFields>): CompanyMentionFields {
  const lead: CompanyMentionFields = {
    title: null,
    company: null,
    fullName: null,
    firstName: null,
    lastName: null,
    ...fields,
  };
  separateCompanyFromTitle(lead);
  separateCompanyFromNames(lead);
  return lead;
}

describe('separateCompanyFromTitle and separateCompanyFromNames', () => {
  it.each([
    ['CEO at Acme', 'Acme', 'CEO'],
    ['CEO @ Acme Inc', 'Acme', 'CEO'],
    ['CTO@ACME', 'Acme Corp.', 'CTO'],
    ['Directrice commerciale chez Acme', 'Acme', 'Directrice commerciale'],
    ['Leiter Vertrieb bei Acme GmbH', 'Acme', 'Leiter Vertrieb'],
    ['Head of Sales - Acme', 'Acme', 'Head of Sales'],
    ['VP Sales - EMEA - Acme', 'Acme', 'VP Sales - EMEA'],
    ['CEO - Acme - ACME Inc.', 'Acme', 'CEO'], // written twice, taken out twice
    ['Head of Growth, Acme', 'Acme', 'Head of Growth'],
    ['Acme | CEO', 'Acme', 'CEO'],
    ['Acme: Founder', 'Acme', 'Founder'],
    ['Founder & CEO @ Acme | Building the future of payments | ex-Google', 'Acme', 'Founder & CEO'],
    ['Founder & CEO | Building the future of payments', 'Acme', 'Founder & CEO'],
  ])('the title %j of a lead at %j is the job: %j', (title, company, job) => {
    expect(separated({ title, company })).toMatchObject({ title: job, company });
  });

  it.each([
    ['Head of Sales, EMEA', 'Acme'], // the region, not the company
    ['Co-Founder', 'Acme'],
    ['Ingeniero en Sistemas', 'Acme'],
    ['Sales | Marketing | Growth', 'Acme'], // no part starts as a job does: no headline to cut
    ['Acme', 'Acme'], // nothing but the company would be left
    ['Partner at Beta Ventures', 'Acme'], // another company: the title says where, keep it
  ])('keeps the title %j of a lead at %j', (title, company) => {
    expect(separated({ title, company }).title).toBe(title);
  });

  it('gives a lead without a company the one its title names', () => {
    expect(separated({ title: 'VP Marketing at Acme Inc' })).toMatchObject({
      title: 'VP Marketing',
      company: 'Acme Inc',
    });
    expect(separated({ title: 'Founder @ Beta | Angel investor' })).toMatchObject({
      title: 'Founder',
      company: 'Beta',
    });
    // A tagline after "at", or something that is no job before it, gives no company.
    expect(separated({ title: 'Looking at new opportunities' })).toMatchObject({ company: null });
    expect(separated({ title: 'CEO at the intersection of design and code for startups' })).toMatchObject({
      company: null,
    });
    expect(separated({ title: 'Ingeniero en Sistemas' })).toMatchObject({ company: null });
  });

  it.each([
    ['Jane Doe, Acme', 'Acme', 'Jane Doe'],
    ['Jane Doe, Acme Co', 'Acme Co', 'Jane Doe'],
    ['Doe, Jane, Acme Inc.', 'Acme', 'Doe, Jane'],
    ['Jane Doe (Acme)', 'Acme', 'Jane Doe'],
    ['Jane Doe / Acme Inc', 'Acme', 'Jane Doe'],
    ['Jane Doe / Beta', 'Acme', 'Jane Doe / Beta'], // another company's, or anything else, stays
    ['Jane Doe at Acme', 'Acme', 'Jane Doe'],
    ['Jane Doe AT ACME INC', 'Acme', 'Jane Doe'],
    ['Marie Dupont chez Acme', 'Acme', 'Marie Dupont'],
    ['Jane Doe at Beta', 'Acme', 'Jane Doe at Beta'],
    ['At Acme', 'Acme', 'At Acme'], // nothing before it
    ['Jane [ACME] Doe', 'Acme', 'Jane Doe'],
    ['Jane (Jay) Doe', 'Acme', 'Jane (Jay) Doe'], // a nickname stays
    ['Doe, Jane', 'Acme', 'Doe, Jane'],
    ['Acme', 'Acme', 'Acme'], // nothing but the company would be left
    ['DOE, JANE, ACME', 'Acme', 'Doe, Jane'], // cased as a name in capitals is
  ])('the full name %j of a lead at %j names the person: %j', (fullName, company, name) => {
    expect(separated({ fullName, company }).fullName).toBe(name);
  });

  it('takes the company out of the first and last names too', () => {
    expect(separated({ firstName: 'Jane (Acme)', lastName: 'Doe, ACME Inc', company: 'Acme' })).toMatchObject(
      {
        firstName: 'Jane',
        lastName: 'Doe',
      },
    );
  });
});

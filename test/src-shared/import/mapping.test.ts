import { describe, expect, it } from 'vitest';
import {
  applyTemplate,
  headerSignature,
  missingEmailMessage,
  suggestMapping,
  templateFromMapping,
  validateMapping,
  visibleRowsBelow,
  withOtherColumns,
  withSuggestedGuards,
  withoutGuards,
} from '../../../src-shared/import/mapping';
import { cleanRow, compileMapping } from '../../../src-shared/import/clean';
import { matchHeader, ownerOf } from '../../../src-shared/import/synonyms';
import { sniffColumn } from '../../../src-shared/import/sniff';
import type { ColumnMapping, LeadField } from '../../../src-shared/import/types';

function fieldsOf(mapping: ColumnMapping): (LeadField | string)[] {
  return mapping.map((t) =>
    t.kind === 'field' ? t.field : t.kind === 'custom' ? `custom:${t.key}` : 'ignore',
  );
}

describe('header synonyms', () => {
  it.each([
    // English
    ['Email', 'email'],
    ['E-mail Address', 'email'],
    ['First Name', 'firstName'],
    ['Surname', 'lastName'],
    ['Full Name', 'fullName'],
    ['Job Title', 'title'],
    ['Company Name', 'company'],
    ['Org', 'company'],
    ['Account Name', 'company'],
    ['Website', 'website'],
    ['LinkedIn URL', 'linkedinUrl'],
    ['Phone Number', 'phone'],
    ['Work Email', 'email'],
    ['Occupation', 'title'],
    ['Direct Dial', 'phone'],
    ['Sales Navigator URL', 'linkedinUrl'],
    ['current_employer', 'company'],
    ['Associated Company', 'company'], // HubSpot
    ['Company / Account', 'company'], // Salesforce
    ['Default Address Company', 'company'], // Shopify
    ['Current Employer Domain', 'website'],
    // French
    ['Courriel', 'email'],
    ['Prénom', 'firstName'],
    ['Nom de famille', 'lastName'],
    ['Société', 'company'],
    ['Poste', 'title'],
    ['Site web', 'website'],
    ['Téléphone', 'phone'],
    ['Profil LinkedIn', 'linkedinUrl'],
    // German
    ['E-Mail', 'email'],
    ['Vorname', 'firstName'],
    ['Nachname', 'lastName'],
    ['Unternehmen', 'company'],
    ['Position', 'title'],
    ['Webseite', 'website'],
    ['Telefon', 'phone'],
    ['Firma', 'company'],
    // Spanish
    ['Correo electrónico', 'email'],
    ['Apellido', 'lastName'],
    ['Empresa', 'company'],
    ['Cargo', 'title'],
    ['Sitio web', 'website'],
    ['Teléfono', 'phone'],
    ['Nombre completo', 'fullName'],
    // Portuguese
    ['Endereço de e-mail', 'email'],
    ['Sobrenome', 'lastName'],
    ['Telefone', 'phone'],
    ['Nome completo', 'fullName'],
    ['Nome da empresa', 'company'],
    ['Função', 'title'],
    // Polish, as a Windows-1250 export from Polish Excel heads it
    ['Imię', 'firstName'],
    ['Nazwisko', 'lastName'],
    ['Imię i nazwisko', 'fullName'],
    ['Adres e-mail', 'email'],
    ['Stanowisko', 'title'],
    ['Nazwa firmy', 'company'],
    ['Strona www', 'website'],
    ['Numer telefonu', 'phone'],
    // Czech
    ['Jméno', 'firstName'],
    ['Příjmení', 'lastName'],
    ['Společnost', 'company'],
    ['Pozice', 'title'],
    ['Webové stránky', 'website'],
    // Italian and Dutch
    ['Cognome', 'lastName'],
    ['Azienda', 'company'],
    ['Ruolo', 'title'],
    ['Sito web', 'website'],
    ['Cellulare', 'phone'],
    ['Voornaam', 'firstName'],
    ['Achternaam', 'lastName'],
    ['Bedrijf', 'company'],
    ['Functie', 'title'],
    // Swedish, Danish, Norwegian and Finnish
    ['Förnamn', 'firstName'],
    ['Efternamn', 'lastName'],
    ['E-post', 'email'],
    ['Företag', 'company'],
    ['Befattning', 'title'],
    ['Webbplats', 'website'],
    ['Fornavn', 'firstName'],
    ['Efternavn', 'lastName'],
    ['Etternavn', 'lastName'],
    ['Virksomhed', 'company'],
    ['Bedrift', 'company'],
    ['Stilling', 'title'],
    ['Hjemmeside', 'website'],
    ['Mobiltelefon', 'phone'],
    ['Etunimi', 'firstName'],
    ['Sukunimi', 'lastName'],
    ['Sähköposti', 'email'],
    ['Yritys', 'company'],
    ['Titteli', 'title'],
    ['Professional title', 'title'],
    ['Prospect Name', 'fullName'],
    ['Attendee Name', 'fullName'],
    ['Speaker Name', 'fullName'],
    ['contact_phones', 'phone'],
    ['Person - Job title', 'title'],
    ['Puhelin', 'phone'],
    ['Kontaktperson', 'fullName'],
    // case, accents and punctuation do not matter
    ['  EMAIL ', 'email'],
    ['prenom', 'firstName'],
    ['TELEFONO', 'phone'],
    ['linkedin_url', 'linkedinUrl'],
  ])('%j -> %s', (header, field) => {
    expect(matchHeader(header)?.field).toBe(field);
  });

  it.each([
    'Company Name for Emails',
    'Cleaned Company Name',
    'Company Name (cleaned)',
    'Short company name',
  ])('%j is the company name to put in emails, preferred over the plain one', (header) => {
    expect(matchHeader(header)).toEqual({ field: 'company', strength: 'preferred' });
  });

  it("takes a profile's headline for the job title only when no other column names one", () => {
    expect(matchHeader('Headline')).toEqual({ field: 'title', strength: 'fallback' });
    const rows = [['https://www.linkedin.com/in/janedoe', 'CEO at Acme | Building payments', 'Acme', 'CEO']];
    const headers = ['profile_url', 'headline', 'current_company', 'current_company_position'];
    expect(fieldsOf(suggestMapping(headers, rows))).toEqual([
      'linkedinUrl',
      'custom:headline',
      'company',
      'title',
    ]);
    expect(fieldsOf(suggestMapping(headers.slice(0, 3), rows))).toEqual(['linkedinUrl', 'title', 'company']);
  });

  it.each(['Company Emails', 'Company Short Description', 'Company Email for Outreach'])(
    '%j is not a company name for emails',
    (header) => {
      expect(matchHeader(header)?.strength).not.toBe('preferred');
    },
  );

  it.each([
    'Email status',
    'Email Verified',
    'Company LinkedIn',
    'LinkedIn Bio',
    'LinkedIn Headline',
    'LinkedIn Followers',
    'Company Description',
    'Notes',
    'Industry',
    'Primary Associated Company ID',
    'Account ID',
    'Company Size',
    'Company Industry',
    'Company City',
    'Account Owner',
    'Previous Company',
    'Campaign Title',
    'UNSUB_CAMPAIGN_TITLE',
    'Deal - Title',
    'Page Title',
    'Webinar title',
    // lemlist's and PhantomBuster's columns beside the person's own.
    'emailsReplied',
    'profileImageUrl',
    'Company Logo URL',
    'companyLocation',
    'Company Twitter',
    'Speaker',
    'durationInCompany',
    'Years in Position',
    'pastExperienceCompanyTitle',
    'pastExperienceCompanyUrl',
    '__proto__',
    'constructor',
  ])('%j is not a lead field', (header) => {
    expect(matchHeader(header)).toBeNull();
  });
});

describe('suggestMapping', () => {
  it('maps an Apollo-style export', () => {
    const headers = [
      'First Name',
      'Last Name',
      'Title',
      'Company',
      'Email',
      'Person Linkedin Url',
      'Website',
      'Corporate Phone',
      'Industry',
    ];
    const sample = [
      [
        'Jane',
        'Doe',
        'CEO',
        'Acme',
        'jane@acme.com',
        'http://www.linkedin.com/in/janedoe',
        'http://acme.com',
        '+1 555 0100',
        'Software',
      ],
    ];
    expect(fieldsOf(suggestMapping(headers, sample))).toEqual([
      'firstName',
      'lastName',
      'title',
      'company',
      'email',
      'linkedinUrl',
      'website',
      'phone',
      'custom:industry',
    ]);
  });

  it("puts Apollo's company name for emails in Company, and keeps the legal name as a custom variable", () => {
    const headers = ['First Name', 'Company', 'Company Name for Emails', 'Email'];
    const row = ['Jane', 'Acme Corporation, Inc.', 'Acme', 'jane@acme.com'];
    expect(fieldsOf(suggestMapping(headers, [row, row]))).toEqual([
      'firstName',
      'custom:company',
      'company',
      'email',
    ]);
    expect(fieldsOf(suggestMapping(headers, []))).toEqual([
      'firstName',
      'custom:company',
      'company',
      'email',
    ]);
    // Mostly empty, it loses to the full plain column.
    const sparse = [
      row,
      ['Sam', 'Initech LLC', '', 'sam@initech.com'],
      ['Al', 'Hooli Inc', '', 'al@hooli.com'],
    ];
    expect(fieldsOf(suggestMapping(headers, sparse))).toEqual([
      'firstName',
      'company',
      'custom:company_name_for_emails',
      'email',
    ]);
  });

  it("maps an Outlook export's job title, not its honorific 'Title', and its second address", () => {
    const headers = [
      'Title',
      'First Name',
      'Last Name',
      'Company',
      'Job Title',
      'E-mail Address',
      'E-mail 2 Address',
    ];
    const rows = [
      ['Ms.', 'Jane', 'Doe', 'Acme', 'Head of Sales', 'jane@acme.com', 'jane.doe@gmail.com'],
      ['Dr', 'Sam', 'Lee', 'Initech', 'CTO', '', 'sam@initech.com'],
      ['', 'Bo', 'Stone', 'Beta', 'CEO', 'bo@beta.io', ''],
    ];
    expect(fieldsOf(suggestMapping(headers, rows))).toEqual([
      'custom:title',
      'firstName',
      'lastName',
      'company',
      'title',
      'email',
      'email',
    ]);
  });

  it("maps a HubSpot export's company name, not the company's record id beside it", () => {
    const headers = [
      'Record ID',
      'First Name',
      'Email',
      'Contact owner',
      'Primary Associated Company ID',
      'Associated Company',
    ];
    const rows = [
      ['101', 'Jane', 'jane@acme.com', 'Sam Seller', '2001', 'Acme Inc'],
      ['102', 'Bo', 'bo@beta.io', 'Sam Seller', '2002', 'Beta'],
    ];
    expect(fieldsOf(suggestMapping(headers, rows))).toEqual([
      'custom:record_id',
      'firstName',
      'email',
      'custom:contact_owner',
      'custom:primary_associated_company_id',
      'company',
    ]);
  });

  it("maps a Close export's lead name as the company, since a lead there is a company", () => {
    const headers = ['lead_name', 'contact_name', 'contact_primary_email'];
    const rows = [
      ['Acme Inc', 'Jane Doe', 'jane@acme.com'],
      ['Beta', 'Bo Stone', 'bo@beta.io'],
      ['Initech', 'Sam Lee', 'sam.lee@initech.com'],
    ];
    expect(fieldsOf(suggestMapping(headers, rows))).toEqual(['company', 'fullName', 'email']);
    // A name column of people whose addresses hold their names stays the name, whatever the domains.
    const people = suggestMapping(
      ['Name', 'Email'],
      [
        ['Ann Acme', 'ann@acme.com'],
        ['Bo Beta', 'bo@beta.io'],
      ],
    );
    expect(fieldsOf(people)).toEqual(['fullName', 'email']);
  });

  it("maps an Apollo export's secondary and tertiary addresses, not their sources", () => {
    const headers = ['Email', 'Secondary Email', 'Secondary Email Source', 'Tertiary Email'];
    const rows = [
      ['', 'jane@acme.com', 'Apollo', 'jane.doe@gmail.com'],
      ['sam@initech.com', '', '', ''],
    ];
    expect(fieldsOf(suggestMapping(headers, rows))).toEqual([
      'email',
      'email',
      'custom:secondary_email_source',
      'email',
    ]);
  });

  it("maps each of a Pipedrive export's email columns of the person, whichever holds the most addresses", () => {
    const headers = [
      'Person - Name',
      'Person - Email - Work',
      'Person - Email - Home',
      'Person - Email - Other',
      'Organization - Email',
    ];
    const rows = [
      ['Jane Doe', 'jane@acme.com', 'jane.doe@gmail.com', '', 'hello@acme.com'],
      ['Bob Ray', '', 'bob.ray@gmail.com', '', 'info@beta.io'],
    ];
    expect(fieldsOf(suggestMapping(headers, rows))).toEqual([
      'fullName',
      'email',
      'email',
      'custom:person_email_other',
      'custom:organization_email',
    ]);
    // Each row then takes its work address where it has one (see rowEmail).
    const m = compileMapping(suggestMapping(headers, rows));
    expect(rows.map((r) => cleanRow(r, m).lead.email)).toEqual(['jane@acme.com', 'bob.ray@gmail.com']);
  });

  it('maps secondary and numbered email columns whose first rows are empty', () => {
    const headers = ['Email', 'Secondary Email', 'Email 2', 'Mail'];
    const rows = [
      ['jane@acme.com', '', '', ''],
      ['sam@initech.com', '', '', ''],
    ];
    expect(fieldsOf(suggestMapping(headers, rows))).toEqual(['email', 'email', 'email', 'custom:mail']);
  });

  it("maps each of a person's phone columns, not the company's, an assistant's or a home phone", () => {
    const headers = [
      'Email',
      'Work Direct Phone',
      'Home Phone',
      'Mobile Phone',
      'Corporate Phone',
      'Other Phone',
      'Company Phone',
      'Assistant Phone',
      'Business Fax',
      'Car Phone',
    ];
    const rows = [
      ['jane@acme.com', "'+1 415-555-0101", '', '', "'+1 415-555-0000", '', '', '', '', ''],
      ['bo@beta.io', '', '+1 415 555 0303', '+44 7700 900123', '', '+1 415 555 0404', '', '', '', ''],
    ];
    expect(fieldsOf(suggestMapping(headers, rows))).toEqual([
      'email',
      'phone',
      'custom:home_phone',
      'phone',
      'custom:corporate_phone',
      'phone',
      'custom:company_phone',
      'custom:assistant_phone',
      'custom:business_fax',
      'custom:car_phone', // empty in every row of the sample, as an address book keeps it
    ]);
    // ZoomInfo: the mobile column matches by its name better, and the direct line is a phone column too.
    const zoomInfo = ['Direct Phone Number', 'Email Address', 'Mobile phone', 'Company HQ Phone'];
    const zoomInfoRows = [
      ['+1 415 555 0101', 'jane@acme.com', '', ''],
      ['', 'bo@beta.io', '+44 7700 900123', ''],
    ];
    expect(fieldsOf(suggestMapping(zoomInfo, zoomInfoRows))).toEqual([
      'phone',
      'email',
      'phone',
      'custom:company_hq_phone',
    ]);
  });

  it("maps a Google Contacts export's addresses, not their labels", () => {
    const headers = [
      'First Name',
      'E-mail 1 - Label',
      'E-mail 1 - Value',
      'E-mail 2 - Label',
      'E-mail 2 - Value',
    ];
    const rows = [['Jane', '* Work', 'jane@acme.com', 'Home', 'jane.doe@gmail.com']];
    expect(fieldsOf(suggestMapping(headers, rows))).toEqual([
      'firstName',
      'custom:e_mail_1_label',
      'email',
      'custom:e_mail_2_label',
      'email',
    ]);
    // A website's label ("Profile", "Work") is no website, even when its value is a LinkedIn profile.
    const sites = suggestMapping(
      ['First Name', 'Website 1 - Label', 'Website 1 - Value'],
      [['Jane', 'Profile', 'https://www.linkedin.com/in/janedoe']],
    );
    expect(fieldsOf(sites)).toEqual(['firstName', 'custom:website_1_label', 'linkedinUrl']);
  });

  it("maps a Lusha export's numbered email columns all to Email, but not a numbered column of something else", () => {
    const headers = ['Full Name', 'Email 1', 'Email 2', 'E-mail 3', 'Email 2 Type'];
    const rows = [
      ['Jane Doe', 'jane@acme.com', 'jane.doe@gmail.com', '', 'personal'],
      ['Sam Lee', '', 'sam@initech.com', '', 'work'],
    ];
    expect(fieldsOf(suggestMapping(headers, rows))).toEqual([
      'fullName',
      'email',
      'email',
      'email',
      'custom:email_2_type',
    ]);
    const phones = [['Jane Doe', 'jane@acme.com', '+1 555 0100', '', '']];
    expect(fieldsOf(suggestMapping(headers, phones)).slice(1, 3)).toEqual(['email', 'phone']); // content decides
    // Content made "Email 2" the Email column: "Email 1", whose sample holds nothing recognisable, is one too.
    const messyFirst = [
      ['Jane Doe', 'jane [at] acme [dot] com', 'jane.doe@gmail.com', '', ''],
      ['Sam Lee', '', 'sam@initech.com', '', ''],
    ];
    expect(fieldsOf(suggestMapping(headers, messyFirst)).slice(1, 4)).toEqual(['email', 'email', 'email']);
    // A plain "Mail" column takes addresses to be one: it may hold postal ones.
    const postal = [
      ['jane@acme.com', '12 Main St'],
      ['sam@initech.com', ''],
    ];
    expect(fieldsOf(suggestMapping(['Email', 'Mail'], postal))).toEqual(['email', 'custom:mail']);
    const twice = [
      ['jane@acme.com', 'jane@acme.com'],
      ['sam@initech.com', ''],
    ];
    expect(fieldsOf(suggestMapping(['Email', 'Mail'], twice))).toEqual(['email', 'email']);
    expect(
      fieldsOf(
        suggestMapping(
          ['Work Email', 'Personal Email'],
          rows.map((r) => r.slice(1, 3)),
        ),
      ),
    ).toEqual(['email', 'email']);
  });

  it("maps the person's phone columns, not the company's even where it holds the most numbers", () => {
    const headers = [
      'Email',
      'Work Direct Phone',
      'Home Phone',
      'Mobile Phone',
      'Corporate Phone',
      'Other Phone',
    ];
    const sample = Array.from({ length: 10 }, (_, i) => [
      `p${i}@acme.com`,
      '',
      '',
      i === 0 ? '+1 555 0101' : '',
      i < 9 ? `+1 555 01${String(i).padStart(2, '0')}` : '',
      '',
    ]);
    expect(fieldsOf(suggestMapping(headers, sample))).toEqual([
      'email',
      'custom:work_direct_phone',
      'custom:home_phone',
      'phone',
      'custom:corporate_phone',
      'custom:other_phone',
    ]);
    // Without a column of the person's own, the company's number is the phone.
    const companyOnly = sample.map((r) => [r[0]!, r[4]!]);
    expect(fieldsOf(suggestMapping(['Email', 'Corporate Phone'], companyOnly))).toEqual(['email', 'phone']);
  });

  it('prefers a partly named full column to an exactly named nearly empty one, and the exact name at equal fill', () => {
    const sparse = Array.from({ length: 10 }, (_, i) => [
      `p${i}@acme.com`,
      `+1 555 02${i}0`,
      i === 0 ? '+1 555 0300' : '',
    ]);
    // Neither is the person's own phone, so only one of them is the phone column.
    const headers = ['Email', 'Company Phone', 'Corporate Phone'];
    expect(fieldsOf(suggestMapping(headers, sparse))).toEqual(['email', 'phone', 'custom:corporate_phone']);
    const full = sparse.map(([e, a]) => [e!, a!, a!]);
    expect(fieldsOf(suggestMapping(headers, full))).toEqual(['email', 'custom:company_phone', 'phone']);
  });

  it('reads "Nom" beside "Prénom" as the last name, and "Name" alone as the full name', () => {
    expect(fieldsOf(suggestMapping(['Prénom', 'Nom', 'Courriel'], []))).toEqual([
      'firstName',
      'lastName',
      'email',
    ]);
    expect(fieldsOf(suggestMapping(['Vorname', 'Name', 'E-Mail'], []))).toEqual([
      'firstName',
      'lastName',
      'email',
    ]);
    expect(fieldsOf(suggestMapping(['Nombre', 'Apellidos', 'Correo'], []))).toEqual([
      'firstName',
      'lastName',
      'email',
    ]);
    expect(fieldsOf(suggestMapping(['Nome', 'Cognome', 'Email'], []))).toEqual([
      'firstName',
      'lastName',
      'email',
    ]);
    expect(fieldsOf(suggestMapping(['Name', 'Email'], []))).toEqual(['fullName', 'email']);
    expect(fieldsOf(suggestMapping(['Namn', 'E-post'], []))).toEqual(['fullName', 'email']);
    expect(fieldsOf(suggestMapping(['Fornavn', 'Navn', 'E-post'], []))).toEqual([
      'firstName',
      'lastName',
      'email',
    ]);
  });

  it('takes a column without a header for the names or the company the addresses beside it are made of', () => {
    const headers = ['Column 1', 'Column 2', 'Column 3', 'Column 4'];
    const sample = [
      ['jose.garcia@acme.es', 'José García', 'Acme', 'Madrid'],
      ['alee@beta.io', 'Ann Lee', 'Beta', 'London'],
      ['bo@gamma.org', 'Bo Ray', 'Gamma', 'Paris'],
      ['info@delta.com', 'Dan Moe', 'Delta', 'Berlin'], // a team inbox names nobody
      ['eve@eps.com', '', 'Eps', 'Rome'],
    ];
    expect(fieldsOf(suggestMapping(headers, sample))).toEqual([
      'email',
      'fullName',
      'company',
      'custom:column_4',
    ]);
  });

  it('takes the company the domains are named for, past the addresses at free mail', () => {
    const sample = [
      ['ann@wayneenterprises.com', 'Wayne Enterprises'],
      ['bo@stark.co.uk', 'Stark Industries'],
      ['cy.moe@gmail.com', 'Globex'],
      ['dan@initech.io', 'INITECH'],
    ];
    expect(fieldsOf(suggestMapping(['Column 1', 'Column 2'], sample))).toEqual(['email', 'company']);
  });

  it('takes a column without a header for job titles when most of its values name a job', () => {
    const sample = [
      ['ann@acme.com', 'Co-Founder & CEO'],
      ['bo@beta.io', 'Head of Growth'],
      ['cy@gamma.fr', 'Directrice commerciale'],
      ['dan@delta.de', 'Geschäftsführer'],
      ['eve@eps.com', 'Berlin'],
    ];
    expect(fieldsOf(suggestMapping(['Column 1', 'Column 2'], sample))).toEqual(['email', 'title']);
    const cities = sample.map(([email], i) => [
      email as string,
      ['Paris', 'Berlin', 'Madrid', 'Rome', 'Lyon'][i] as string,
    ]);
    expect(fieldsOf(suggestMapping(['Column 1', 'Column 2'], cities))).toEqual(['email', 'custom:column_2']);
  });

  it.each([
    ['German compounds', ['Vertriebsleiter', 'Abteilungsleiterin', 'Geschäftsführer']],
    ['Swedish, Danish and Norwegian', ['VD', 'Säljchef', 'Administrerende direktør', 'Daglig leder']],
    ['Finnish', ['Toimitusjohtaja', 'Myyntijohtaja', 'Perustaja']],
    ['Italian and Dutch', ['Amministratore delegato', 'Direttore commerciale', 'Eigenaar', 'Oprichter']],
    ['Polish and Czech', ['Prezes Zarządu', 'Właściciel', 'Ředitel', 'Jednatel']],
  ])('takes a column without a header of job titles in %s for the job title', (_, titles) => {
    const sample = titles.map((title, i) => [`lead${i}@acme${i}.com`, title]);
    expect(fieldsOf(suggestMapping(['Column 1', 'Column 2'], sample))).toEqual(['email', 'title']);
  });

  it('takes first and last names apart when each has a column of its own', () => {
    const sample = [
      ['Ann', 'Lee', 'ann.lee@acme.com'],
      ['Bo', 'Ray', 'bray@beta.io'],
      ['Cy', 'Moe', 'cy@gamma.org'],
    ];
    expect(fieldsOf(suggestMapping(['Column 1', 'Column 2', 'Column 3'], sample))).toEqual([
      'firstName',
      'lastName',
      'email',
    ]);
  });

  it("leaves a column of other people's names, or of anything else, to the user", () => {
    const sample = [
      ['ann@acme.com', 'Zoe Quinn', 'Paris'],
      ['bo@beta.io', 'Zoe Quinn', 'Berlin'],
      ['cy@gamma.org', 'Max Field', 'Madrid'],
    ];
    expect(fieldsOf(suggestMapping(['Email', 'Column 2', 'Column 3'], sample))).toEqual([
      'email',
      'custom:column_2',
      'custom:column_3',
    ]);
  });

  it('leaves a column with a header of its own to the user, whatever the addresses beside it', () => {
    const sample = [
      ['ann.lee@acme.com', 'annlee'],
      ['bo.ray@beta.io', 'boray'],
      ['cy.moe@gamma.org', 'cymoe'],
    ];
    expect(fieldsOf(suggestMapping(['Email', 'Twitter'], sample))).toEqual(['email', 'custom:twitter']);
  });

  it('takes no team beside its inbox for a name', () => {
    const sample = [
      ['sales@acme.com', 'Sales'],
      ['support@beta.io', 'Support'],
      ['billing@gamma.org', 'Billing'],
    ];
    expect(fieldsOf(suggestMapping(['Email', 'Column 2'], sample))).toEqual(['email', 'custom:column_2']);
  });

  it('ignores the columns hidden in the sheet that would be custom variables, but maps a hidden field', () => {
    const headers = [
      '(Do Not Modify) Contact',
      '(Do Not Modify) Row Checksum',
      'Email',
      'Full Name',
      'Region',
    ];
    const rows = [['5f3c1a2b', 'chk0==', 'ann@acme.com', 'Ann Lee', 'EMEA']];
    expect(fieldsOf(suggestMapping(headers, rows, [0, 1]))).toEqual([
      'ignore',
      'ignore',
      'email',
      'fullName',
      'custom:region',
    ]);
    expect(fieldsOf(suggestMapping(headers, rows, [2, 4]))).toEqual([
      'custom:do_not_modify_contact',
      'custom:do_not_modify_row_checksum',
      'email',
      'fullName',
      'ignore',
    ]);
  });

  it('finds columns by content when headers say nothing', () => {
    const headers = ['Column 1', 'Column 2', 'Column 3', 'Column 4', 'Column 5'];
    const sample = [
      ['jane@acme.com', 'https://www.linkedin.com/in/jane', 'acme.com', '+44 20 7946 0000', '2024-01-05'],
      ['john@globex.com', 'linkedin.com/in/john-s', 'https://globex.io/', '+1 (555) 010-0200', '2024-01-06'],
      [
        'mailto:ana@initech.com',
        'https://fr.linkedin.com/in/ana',
        'www.initech.de',
        '030 1234567',
        '2024-01-07',
      ],
      ['not given', '', '', '', ''],
    ];
    expect(fieldsOf(suggestMapping(headers, sample))).toEqual([
      'email',
      'linkedinUrl',
      'website',
      'phone',
      'custom:column_5',
    ]);
  });

  it('lets content win over a misleading header for email', () => {
    const headers = ['Contact', 'Email'];
    const sample = [
      ['jane@acme.com', 'yes'],
      ['john@acme.com', 'no'],
    ];
    expect(fieldsOf(suggestMapping(headers, sample))[0]).toBe('email');
  });

  it('takes a column of addresses as a mail app writes them, with the name before, for the email', () => {
    const sample = [['Jane Doe <jane@acme.com>'], ['"Roe, Bob" <bob@beta.io>'], ['<ann@gamma.co>']];
    expect(fieldsOf(suggestMapping(['From'], sample))).toEqual(['email']);
    expect(fieldsOf(suggestMapping(['Contact'], sample))).toEqual(['email']);
  });

  it('uses each field once, preferring the exact header', () => {
    const headers = ['Assistant Email', 'Email'];
    const sample = [['amy@acme.com', 'jane@acme.com']];
    expect(fieldsOf(suggestMapping(headers, sample))).toEqual(['custom:assistant_email', 'email']);
  });

  it('ignores unnamed empty columns and keeps prototype-named headers as safe custom keys', () => {
    const headers = ['Email', 'Column 2', '__proto__', 'constructor', 'prototype'];
    const mapping = suggestMapping(headers, [['a@acme.com', '', 'x', 'y', 'z']]);
    expect(fieldsOf(mapping)).toEqual([
      'email',
      'ignore',
      'custom:proto',
      'custom:col_constructor',
      'custom:col_prototype',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("an email verifier's verdicts", () => {
  it.each([
    ['Hunter', ['Email address', 'First name', 'Verification status'], ['ann@acme.com', 'Ann', 'invalid']],
    ['ZeroBounce', ['Email', 'Name', 'ZB Status'], ['ann@acme.com', 'Ann', 'catch-all']],
    ['Apollo', ['First Name', 'Email', 'Email Status'], ['Ann', 'ann@acme.com', 'Verified']],
  ])("a %s export's verdict column is a custom variable that speaks for the addresses", (_, headers, row) => {
    const mapping = suggestMapping(headers, [row, row.map((v) => (v === row[2] ? 'valid' : v))]);
    expect(mapping[2]).toMatchObject({ kind: 'custom', emailStatus: true });
  });

  it('not a column of "Unknown" under another name, nor verdicts without an email column', () => {
    const seniority = suggestMapping(['Email', 'Seniority'], [['ann@acme.com', 'Unknown']]);
    expect(seniority[1]).toEqual({ kind: 'custom', key: 'seniority' });
    const noEmail = suggestMapping(['Name', 'Status'], [['Ann', 'valid']]);
    expect(noEmail[1]).toEqual({ kind: 'custom', key: 'status' });
  });
});

describe('links that are pages of one site', () => {
  const hubspot = [1, 2, 3].map((i) => `https://app.hubspot.com/contacts/42/record/0-1/${i}`);

  it("a CRM's record links or an event's speaker pages are no company's website, by name or by content", () => {
    const rows = hubspot.map((link, i) => [`lead${i}@acme${i}.com`, link]);
    expect(fieldsOf(suggestMapping(['Email', 'Record URL'], rows))).toEqual(['email', 'custom:record_url']);
    const speakers = ['ann-lee', 'bo-ray', 'cy-fox'].map((s, i) => [
      `${s}@x${i}.io`,
      `https://websummit.com/speakers/${s}`,
    ]);
    expect(fieldsOf(suggestMapping(['Email', 'Speaker (link)'], speakers))).toEqual([
      'email',
      'custom:speaker_link',
    ]);
  });

  it("one company's address on every row of an account list is still its website", () => {
    const rows = [1, 2, 3, 4].map((i) => [`p${i}@acme.com`, 'https://acme.com']);
    expect(fieldsOf(suggestMapping(['Email', 'Website'], rows))).toEqual(['email', 'website']);
    const sites = ['https://acme.com/about', 'https://beta.io/team', 'https://gamma.dev/'].map((s, i) => [
      `p${i}@x.io`,
      s,
    ]);
    expect(fieldsOf(suggestMapping(['Email', 'Website'], sites))).toEqual(['email', 'website']);
  });
});

describe('withOtherColumns', () => {
  const headers = ['Email', 'Seniority', 'Departments', '', 'Phone'];
  const suggested: ColumnMapping = [
    { kind: 'field', field: 'email' },
    { kind: 'custom', key: 'seniority' },
    { kind: 'custom', key: 'departments' },
    { kind: 'ignore' },
    { kind: 'field', field: 'phone' },
  ];

  it('ignores every column that is not a lead field, and keeps the fields', () => {
    expect(fieldsOf(withOtherColumns(suggested, suggested, headers, false))).toEqual([
      'email',
      'ignore',
      'ignore',
      'ignore',
      'phone',
    ]);
  });

  it('keeps them again as suggested; a column with neither header nor value stays ignored', () => {
    const ignored = withOtherColumns(suggested, suggested, headers, false);
    expect(withOtherColumns(ignored, suggested, headers, true)).toEqual(suggested);
  });

  it("leaves a verifier's verdicts and the marks of who opted out when ignoring the others", () => {
    const guarded: ColumnMapping = [
      ...suggested,
      { kind: 'custom', key: 'email_status', emailStatus: true },
      { kind: 'custom', key: 'email_opt_out', optOut: true },
      { kind: 'custom', key: 'email_opt_out_2', optOut: false },
    ];
    const all = [...headers, 'Email Status', 'Email Opt Out', 'Email Opt Out 2'];
    expect(withOtherColumns(guarded, guarded, all, false).slice(5)).toEqual([
      { kind: 'custom', key: 'email_status', emailStatus: true },
      { kind: 'custom', key: 'email_opt_out', optOut: true },
      { kind: 'ignore' },
    ]);
  });

  it('keeps a column the user took off a field as a custom variable named after its header', () => {
    const phoneIgnored: ColumnMapping = [...suggested.slice(0, 4), { kind: 'ignore' }];
    expect(fieldsOf(withOtherColumns(phoneIgnored, suggested, headers, true)).at(4)).toBe('custom:phone');
  });
});

describe('bounce columns', () => {
  it("marks Apollo's columns of the addresses that bounced and of who replied, not the others of its sending", () => {
    const headers = ['Email', 'Email Sent', 'Email Bounced', 'Replied'];
    const rows = [
      ['jane@acme.com', 'true', 'false', 'false'],
      ['bo@beta.io', 'true', 'true', 'false'],
    ];
    expect(suggestMapping(headers, rows)).toEqual([
      { kind: 'field', field: 'email' },
      { kind: 'custom', key: 'email_sent' },
      { kind: 'custom', key: 'email_bounced', bounced: true },
      { kind: 'custom', key: 'replied', answered: true },
    ]);
    // A column of something else under that name is a variable.
    expect(suggestMapping(['Email', 'Bounced'], [['jane@acme.com', 'once, in March']])[1]).toEqual({
      kind: 'custom',
      key: 'bounced',
    });
  });
});

describe("Mailchimp's files of the unsubscribed and of the cleaned", () => {
  it('marks every row of them by the date each left the list', () => {
    const headers = ['Email Address', 'First Name', 'UNSUB_TIME', 'UNSUB_CAMPAIGN_TITLE', 'CLEAN_TIME'];
    const rows = [['ann@acme.com', 'Ann', '2023-04-05 10:22:11', 'Spring news', '']];
    expect(suggestMapping(headers, rows).slice(2)).toEqual([
      { kind: 'custom', key: 'unsub_time', optOut: true },
      { kind: 'custom', key: 'unsub_campaign_title' },
      { kind: 'custom', key: 'clean_time', bounced: true },
    ]);
  });
});

describe('opt-out columns', () => {
  it('marks a column of who opted out, kept as a variable, and no email column', () => {
    const headers = ['Email', 'Unsubscribed from all email', 'Lead Status', 'Status'];
    const rows = [
      ['jane@acme.com', 'false', 'Open', 'Customer'],
      ['bo@beta.io', 'true', 'Unsubscribed', 'Lead'],
    ];
    expect(suggestMapping(headers, rows)).toEqual([
      { kind: 'field', field: 'email' },
      { kind: 'custom', key: 'unsubscribed_from_all_email', optOut: true },
      { kind: 'custom', key: 'lead_status', optOut: true },
      { kind: 'custom', key: 'status' },
    ]);
  });
});

describe('status columns', () => {
  it("marks a sending tool's status column that says some addresses bounced and some people opted out, both ticked", () => {
    const rows = [
      ['jane@acme.com', 'Contacted'],
      ['bo@beta.io', 'Bounced'],
      ['cy@gamma.io', 'Unsubscribed'],
    ];
    expect(suggestMapping(['Email', 'Status'], rows)[1]).toEqual({
      kind: 'custom',
      key: 'status',
      bounced: true,
      optOut: true,
    });
  });
});

describe('status columns read whole', () => {
  // A campaign's export sorted by status: the first 250 rows are all "Contacted".
  const rowsSortedByStatus = (later: string): string[][] => {
    const rows: string[][] = [];
    for (let i = 0; i < 250; i++) rows.push([`lead${i}@acme.com`, 'Contacted']);
    rows.push(['ann@beta.io', later]);
    return rows;
  };

  it('ticks what a status column says in any row, not only in the first ones', () => {
    expect(suggestMapping(['Email', 'Status'], rowsSortedByStatus('Unsubscribed'))[1]).toEqual({
      kind: 'custom',
      key: 'status',
      optOut: true,
    });
    expect(suggestMapping(['Email', 'Status'], rowsSortedByStatus('Bounced'))[1]).toEqual({
      kind: 'custom',
      key: 'status',
      bounced: true,
    });
  });

  it('ticks a status column that says some people were not interested', () => {
    expect(suggestMapping(['Email', 'Interest Status'], rowsSortedByStatus('Not Interested'))[1]).toEqual({
      kind: 'custom',
      key: 'interest_status',
      declined: true,
    });
    expect(suggestMapping(['Email', 'Status'], rowsSortedByStatus('Interested'))[1]).toEqual({
      kind: 'custom',
      key: 'status',
      answered: true,
    });
  });

  it('ticks a status column that says some people already answered or are further along, and no other', () => {
    for (const status of ['Replied', 'Meeting booked', 'meetingBooked', 'Closed Won', 'Interested'])
      expect(suggestMapping(['Email', 'Stage'], rowsSortedByStatus(status))[1], status).toEqual({
        kind: 'custom',
        key: 'stage',
        answered: true,
      });
    for (const status of ['Contacted', 'Opened', 'Not Interested', 'Unresponsive'])
      expect(suggestMapping(['Email', 'Stage'], rowsSortedByStatus(status))[1], status).not.toHaveProperty(
        'answered',
      );
    // Instantly's counts: the replies mark, the opens do not.
    expect(
      suggestMapping(
        ['Email', 'Email Open Count', 'Email Reply Count'],
        [
          ['ann@acme.com', '4', '0'],
          ['bo@beta.io', '2', '1'],
        ],
      ).slice(1),
    ).toEqual([
      { kind: 'custom', key: 'email_open_count' },
      { kind: 'custom', key: 'email_reply_count', answered: true },
    ]);
    // A column named for something else that holds the word is no status.
    expect(suggestMapping(['Email', 'Notes'], rowsSortedByStatus('Replied'))[1]).toEqual({
      kind: 'custom',
      key: 'notes',
    });
  });
});

describe('withSuggestedGuards', () => {
  const suggested: ColumnMapping = [
    { kind: 'field', field: 'email' },
    { kind: 'custom', key: 'status', optOut: true, declined: true },
    { kind: 'custom', key: 'city' },
  ];

  it("gives a saved template's mapping the ticks this file's status column needs, where the template has no word on them", () => {
    const saved: ColumnMapping = [
      { kind: 'field', field: 'email' },
      { kind: 'custom', key: 'lead_status' },
      { kind: 'ignore' },
    ];
    expect(withSuggestedGuards(saved, suggested)).toEqual([
      { kind: 'field', field: 'email' },
      { kind: 'custom', key: 'lead_status', optOut: true, declined: true },
      { kind: 'ignore' },
    ]);
    // Ignored with the other columns when the template was saved: the column comes back, ticked.
    const ignored: ColumnMapping = [
      { kind: 'field', field: 'email' },
      { kind: 'ignore' },
      { kind: 'ignore' },
    ];
    expect(withSuggestedGuards(ignored, suggested)[1]).toEqual(suggested[1]);
  });

  it('keeps a tick the user cleared and a field they chose', () => {
    const cleared: ColumnMapping = [
      { kind: 'field', field: 'email' },
      { kind: 'custom', key: 'status', optOut: true, declined: false },
      { kind: 'custom', key: 'city' },
    ];
    expect(withSuggestedGuards(cleared, suggested)).toEqual(cleared);
    const asTitle: ColumnMapping = [
      { kind: 'field', field: 'email' },
      { kind: 'field', field: 'title' },
      { kind: 'custom', key: 'city' },
    ];
    expect(withSuggestedGuards(asTitle, suggested)).toEqual(asTitle);
  });
});

describe('ownerOf', () => {
  it.each([
    ['Mobile Phone', 'person'],
    ['Business Phone 2', 'person'],
    ['Mobiltelefon', 'person'],
    ['Téléphone bureau', 'person'],
    ['Telefone celular', 'person'],
    ['Company HQ Phone', 'other'],
    ['Corporate Phone', 'other'],
    ['Assistant Phone', 'other'],
    ['Home Phone', 'other'],
    ['Telefon privat', 'other'],
    ['Téléphone domicile', 'other'],
    ['Teléfono casa', 'other'],
    ['Teléfono empresa', 'other'],
    ['Company Name', null],
    ['Fax', null],
  ] as const)('%s: %s', (header, owner) => {
    expect(ownerOf(header, 'phone')).toBe(owner);
  });

  it.each([
    ['Work Email', 'person'],
    ['Personal Email', 'person'],
    ['Person - Email - Home', 'person'],
    ['E-Mail privat', 'person'],
    ['Assistant Email', 'other'],
    ['Account Owner Email', 'other'],
    ['Company Email', 'other'],
    ['Billing email', 'other'],
    ['Mobile Phone', null],
  ] as const)('%s: %s', (header, owner) => {
    expect(ownerOf(header, 'email')).toBe(owner);
  });
});

describe('visibleRowsBelow', () => {
  it('suggests from the rows the sheet shows: rows a filter hid do not sway the mapping', () => {
    // A sheet filtered down to its contacts with an address: the hidden rows say why they have none.
    const grid = [['Name', 'Contact']];
    const hidden: number[] = [];
    for (let i = 1; i <= 300; i++) {
      const shown = i % 3 === 0;
      grid.push([`Lead ${i}`, shown ? `lead${i}@acme.com` : 'no reply yet']);
      if (!shown) hidden.push(i);
    }
    expect(fieldsOf(suggestMapping(['Name', 'Contact'], visibleRowsBelow(grid, 0, hidden)))).toEqual([
      'fullName',
      'email',
    ]);
    expect(fieldsOf(suggestMapping(['Name', 'Contact'], visibleRowsBelow(grid, 0, []))).at(1)).toBe(
      'custom:contact',
    );
  });

  it('leaves out blank rows, lines drawn across the table and the footer', () => {
    const grid = [
      ['', 'Email', 'Name'],
      ['+------+------+', '', ''],
      ['', 'a@x.io', 'Ann'],
      ['', '', ''],
      ['', 'b@x.io', 'Bo'],
      ['+------+------+', '', ''],
      ['2 rows in set (0.00 sec)', '', ''],
    ];
    expect(visibleRowsBelow(grid, 0, [])).toEqual([
      ['', 'a@x.io', 'Ann'],
      ['', 'b@x.io', 'Bo'],
    ]);
    expect(fieldsOf(suggestMapping(['Column 1', 'Email', 'Name'], visibleRowsBelow(grid, 0, []))).at(0)).toBe(
      'ignore',
    );
  });

  it('takes every shown row below the header', () => {
    const grid = [['Title'], ['Email'], ['a@x.io'], ['b@x.io'], ['c@x.io']];
    expect(visibleRowsBelow(grid, 1, [3])).toEqual([['a@x.io'], ['c@x.io']]);
  });
});

describe('sniffColumn', () => {
  it('needs 60% of non-empty values', () => {
    expect(sniffColumn(['a@x.com', 'b@y.com', 'n/a', ''])?.field).toBe('email');
    expect(sniffColumn(['a@x.com', 'n/a', 'n/a'])).toBeNull();
    expect(sniffColumn(['', ''])).toBeNull();
  });
  it('does not take dates or short ids for phones', () => {
    expect(sniffColumn(['2024-01-05', '2024-02-06'])).toBeNull();
    expect(sniffColumn(['12345', '67890'])).toBeNull();
  });
  it("does not take spans of years (a scraped profile's past jobs) or ZIP+4 codes for phones", () => {
    expect(sniffColumn(['2018-2020', '2015 - 2019', '03/2016 – 11/2021'])).toBeNull();
    expect(sniffColumn(['94105-1234', '10001-0002'])).toBeNull();
    expect(sniffColumn(['+1 415 555 0101', '(415) 555-0102', '06 12 34 56 78'])?.field).toBe('phone');
  });
});

describe('templates', () => {
  const headers = ['Email', 'First Name', 'Notes'];
  const mapping: ColumnMapping = [
    { kind: 'field', field: 'email' },
    { kind: 'field', field: 'firstName' },
    { kind: 'custom', key: 'notes' },
  ];

  it('matches header sets regardless of order, case and punctuation', () => {
    expect(headerSignature(['Email', 'First Name'])).toBe(headerSignature(['first_name', 'E-MAIL']));
    expect(headerSignature(['Email'])).not.toBe(headerSignature(['Email', 'Phone']));
  });

  it('re-applies a saved template to a file with reordered headers', () => {
    const template = templateFromMapping(headers, mapping);
    expect(applyTemplate(['notes', 'E-mail', 'first name'], template)).toEqual([
      { kind: 'custom', key: 'notes' },
      { kind: 'field', field: 'email' },
      { kind: 'field', field: 'firstName' },
    ]);
  });

  it('does not apply to a different header set', () => {
    expect(applyTemplate(['Email', 'First Name'], templateFromMapping(headers, mapping))).toBeNull();
  });
});

describe('validateMapping', () => {
  it('refuses a sheet without an email column and names the columns found', () => {
    const headers = ['Name', 'Company', 'Phone'];
    const r = validateMapping(headers, [
      { kind: 'field', field: 'fullName' },
      { kind: 'field', field: 'company' },
      { kind: 'field', field: 'phone' },
    ]);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problem).toBe('no_email');
      expect(r.message).toContain('Name, Company, Phone');
    }
    expect(missingEmailMessage([])).toMatch(/header row is empty/);
  });

  it('refuses a field mapped twice, unsafe or repeated custom keys, and wrong lengths', () => {
    const h = ['A', 'B'];
    const check = (m: ColumnMapping) => validateMapping(h, m);
    expect(
      validateMapping(
        ['A', 'B', 'C'],
        [
          { kind: 'field', field: 'email' },
          { kind: 'field', field: 'title' },
          { kind: 'field', field: 'title' },
        ],
      ),
    ).toMatchObject({
      ok: false,
      problem: 'duplicate_field',
      message: 'Job title is mapped twice: "B" and "C".',
    });
    // Several email columns are allowed: each row uses the first that holds a usable address.
    expect(
      check([
        { kind: 'field', field: 'email' },
        { kind: 'field', field: 'email' },
      ]),
    ).toEqual({ ok: true });
    // So are several phone columns.
    expect(
      validateMapping(
        ['A', 'B', 'C'],
        [
          { kind: 'field', field: 'email' },
          { kind: 'field', field: 'phone' },
          { kind: 'field', field: 'phone' },
        ],
      ),
    ).toEqual({ ok: true });
    expect(
      check([
        { kind: 'field', field: 'email' },
        { kind: 'custom', key: '__proto__' },
      ]),
    ).toMatchObject({ ok: false, problem: 'bad_custom_key' });
    expect(
      check([
        { kind: 'field', field: 'email' },
        { kind: 'custom', key: 'constructor' },
      ]),
    ).toMatchObject({ ok: false, problem: 'bad_custom_key' });
    expect(check([{ kind: 'field', field: 'email' }])).toMatchObject({ ok: false, problem: 'length' });
    expect(check([{ kind: 'field', field: 'email' }, { kind: 'ignore' }])).toEqual({ ok: true });
  });
});

describe('withoutGuards', () => {
  it('clears the ticks named from every column, keeping the others and the columns as variables', () => {
    const mapping: ColumnMapping = [
      { kind: 'field', field: 'email' },
      { kind: 'custom', key: 'stage', optOut: true, declined: true, answered: true },
      { kind: 'custom', key: 'replied', answered: true },
      { kind: 'ignore' },
    ];
    expect(withoutGuards(mapping, ['answered'])).toEqual([
      { kind: 'field', field: 'email' },
      { kind: 'custom', key: 'stage', optOut: true, declined: true },
      { kind: 'custom', key: 'replied' },
      { kind: 'ignore' },
    ]);
    expect(mapping[1]).toHaveProperty('answered', true);
  });
});

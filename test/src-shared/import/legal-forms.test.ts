import { describe, expect, it } from 'vitest';
import { companyKey, endsInLegalForm } from '../../../src-shared/import/legal-forms';

describe('companyKey', () => {
  it('drops legal forms and punctuation', () => {
    expect(companyKey('The ACME Corp., Inc.')).toBe('acme');
    expect(companyKey('Müller GmbH & Co. KG')).toBe('muller');
  });
});

describe('endsInLegalForm', () => {
  it('tells a company from a given name after a comma', () => {
    expect(endsInLegalForm('Acme Inc.')).toBe(true);
    expect(endsInLegalForm('Beta GmbH')).toBe(true);
    // Two-letter forms and "Co" are given names too ("Doe, Ab").
    expect(endsInLegalForm('Ab')).toBe(false);
    expect(endsInLegalForm('Acme Co')).toBe(false);
    // Nor is a form that is a given or a family name too ("Butterfield, Asa").
    expect(endsInLegalForm('Asa')).toBe(false);
  });
});

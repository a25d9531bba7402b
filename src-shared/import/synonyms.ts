/*
 * Header synonyms: which lead field a column header names, in English,
 * French, German, Spanish and Portuguese, and the common headers of Italian,
 * Dutch, Polish, Czech, Swedish, Danish, Norwegian and Finnish exports. Matching works on folded keys
 * (accents, case, spaces and punctuation removed), so "E-Mail", "e_mail" and
 * "EMAIL " all hit "email".
 *
 * Four strengths: an exact synonym ("Courriel") is strong; a header that only
 * contains a telling word ("Work Email", "Company LinkedIn") is weak and
 * can be overridden by content sniffing or by a strong match elsewhere; a
 * company column written for use in emails (Apollo's "Company Name for
 * Emails": "Acme" where "Company" says "Acme Corporation, Inc.") or cleaned
 * by hand ("Cleaned Company Name") is preferred over the plain one, since
 * MachFive puts it in the email as it is; a profile's headline is the job
 * title only when no other column names one, since it is a tagline written
 * around the job ("CEO at Acme | Building payments").
 */
import type { LeadField, SeveralColumnField } from './types';
import { foldKey, foldWords } from './text';

export type HeaderMatch =
  | { field: LeadField; strength: 'exact' | 'partial' }
  | { field: 'company'; strength: 'preferred' }
  | { field: 'title'; strength: 'fallback' }
  /** "Name", "Nom", "Nombre"...: full name alone, first or last name beside a partner column. */
  | { field: 'ambiguousName'; strength: 'exact'; prefers: 'lastName' | 'firstName' };

const EXACT: Readonly<Record<LeadField, readonly string[]>> = {
  email: [
    'email',
    'e-mail',
    'mail',
    'email address',
    'e-mail address',
    'emails',
    'work email',
    'business email',
    'email 1',
    'primary email',
    'contact email',
    'courriel',
    'adresse email',
    'adresse e-mail',
    'adresse mail',
    'adresse courriel',
    'e-mail-adresse',
    'emailadresse',
    'mailadresse',
    'correo',
    'correo electrónico',
    'correo electronico',
    'email corporativo',
    'endereço de email',
    'endereço de e-mail',
    'endereço eletrônico',
    'endereco de email',
    'e-mail corporativo',
    'adres e-mail',
    'adres email',
    'e-mailová adresa',
    'indirizzo email',
    'indirizzo e-mail',
    'e-mailadres',
    'e-post',
    'epost',
    'e-postadress',
    'e-postadresse',
    'epostadresse',
    'sähköposti',
    'sähköpostiosoite',
  ],
  fullName: [
    'full name',
    'fullname',
    'contact name',
    'contact',
    'person',
    'person name',
    'lead name',
    'contact full name',
    // Of a sales tool's prospects, an event's attendees, speakers and guests ("Speaker" alone may be a yes or no).
    ...['prospect name', 'prospect full name', 'attendee name', 'attendee full name', 'participant name'],
    ...['registrant name', 'speaker name', 'guest name', 'member name', 'recipient name', 'subscriber name'],
    'candidate name',
    'display name',
    'nom complet',
    'nom et prénom',
    'prénom et nom',
    'prénom nom',
    'vollständiger name',
    'vor- und nachname',
    'kontakt',
    'ansprechpartner',
    'nombre completo',
    'nombre y apellidos',
    'nombre y apellido',
    'contacto',
    'nome completo',
    'contato',
    'imię i nazwisko',
    'celé jméno',
    'jméno a příjmení',
    'nome e cognome',
    'volledige naam',
    'fullständigt namn',
    'kontaktperson',
    'fulde navn',
    'fullt navn',
    'koko nimi',
    'yhteyshenkilö',
  ],
  firstName: [
    'first name',
    'firstname',
    'first',
    'given name',
    'forename',
    'prénom',
    'prenom',
    'vorname',
    'primer nombre',
    'primeiro nome',
    'nome próprio',
    'imię',
    'jméno',
    'křestní jméno',
    'voornaam',
    'förnamn',
    'fornavn',
    'etunimi',
  ],
  lastName: [
    'last name',
    'lastname',
    'last',
    'surname',
    'family name',
    'nom de famille',
    'nachname',
    'familienname',
    'zuname',
    'apellido',
    'apellidos',
    'sobrenome',
    'último nome',
    'apelido',
    'nazwisko',
    'příjmení',
    'cognome',
    'achternaam',
    'efternamn',
    'efternavn',
    'etternavn',
    'sukunimi',
  ],
  title: [
    'title',
    'job title',
    'jobtitle',
    'position',
    'role',
    'job role',
    'job',
    'designation',
    'occupation',
    'titre',
    'poste',
    'fonction',
    'intitulé de poste',
    'titel',
    'jobtitel',
    'berufsbezeichnung',
    'funktion',
    'stellung',
    'cargo',
    'puesto',
    'título',
    'função',
    'funcao',
    'profissão',
    'stanowisko',
    'pozice',
    'funkce',
    'ruolo',
    'qualifica',
    'functie',
    'befattning',
    'yrkestitel',
    'roll',
    'stilling',
    'stillingsbetegnelse',
    'tittel',
    'jobbtittel',
    'rolle',
    'titteli',
    'nimike',
    'tehtävänimike',
  ],
  company: [
    'company',
    'company name',
    'companyname',
    'organization',
    'organisation',
    'organization name',
    'org',
    'org name',
    'account',
    'account name',
    'employer',
    'business',
    'business name',
    'société',
    'societe',
    'entreprise',
    "nom de l'entreprise",
    'raison sociale',
    'organisme',
    'unternehmen',
    'firma',
    'firmenname',
    'arbeitgeber',
    'empresa',
    'compañía',
    'compania',
    'nombre de la empresa',
    'organización',
    'nome da empresa',
    'organização',
    'nazwa firmy',
    'společnost',
    'azienda',
    'società',
    'bedrijf',
    'bedrijfsnaam',
    'företag',
    'företagsnamn',
    'bolag',
    'virksomhed',
    'firmanavn',
    'selskab',
    'selskap',
    'bedrift',
    'yritys',
    'yrityksen nimi',
  ],
  website: [
    'website',
    'web site',
    'site',
    'url',
    'web',
    'homepage',
    'domain',
    'company website',
    'company domain',
    'company url',
    'website url',
    'site web',
    'site internet',
    'webseite',
    'internetseite',
    'sitio web',
    'página web',
    'pagina web',
    'sitio',
    'dominio',
    'domaine',
    'site da empresa',
    'strona www',
    'strona internetowa',
    'webové stránky',
    'sito web',
    'sito internet',
    'webbplats',
    'hemsida',
    'hjemmeside',
    'nettside',
    'verkkosivut',
    'kotisivu',
  ],
  linkedinUrl: [
    'linkedin',
    'linkedin url',
    'linkedin profile',
    'linkedin profile url',
    'person linkedin url',
    'linkedin link',
    'profile url',
    'li url',
    'profil linkedin',
    'perfil linkedin',
    'perfil de linkedin',
    'url linkedin',
    'linkedin-profil',
  ],
  phone: [
    'phone',
    'phone number',
    'telephone',
    'telephone number',
    'tel',
    'tel.',
    'mobile',
    'mobile phone',
    'mobile number',
    'cell',
    'cell phone',
    'direct phone',
    'work phone',
    'direct dial',
    'work direct phone',
    'corporate phone',
    'téléphone',
    'numéro de téléphone',
    'portable',
    'mobile pro',
    'telefon',
    'telefonnummer',
    'handy',
    'mobil',
    'mobilnummer',
    'teléfono',
    'telefono',
    'móvil',
    'movil',
    'celular',
    'telefone',
    'telemóvel',
    'número de telefone',
    'numer telefonu',
    'telefonní číslo',
    'cellulare',
    'telefoonnummer',
    'mobiel',
    'mobiltelefon',
    'puhelin',
    'puhelinnumero',
    'matkapuhelin',
  ],
};

/** Headers that name a person but not which part; see `HeaderMatch`. */
const AMBIGUOUS_NAME: Readonly<Record<string, 'lastName' | 'firstName'>> = {
  name: 'lastName',
  nom: 'lastName',
  nombre: 'firstName',
  namn: 'lastName',
  navn: 'lastName',
  nimi: 'lastName',
  nome: 'firstName',
};

// Words that make a header about something else even when it contains a
// field word: "Email status", "Company LinkedIn", "Phone type", HubSpot's
// "LinkedIn Bio" (prose, kept for personalising rather than dropped as a bad link).
const DISQUALIFIERS = new Set([
  'bio',
  'summary',
  'headline',
  'description',
  'followers',
  'connections',
  'status',
  'verified',
  'verification',
  'confidence',
  'valid',
  'validity',
  'type',
  'label',
  'source',
  'sent',
  'opened',
  'clicked',
  'count',
  'score',
  'date',
  'opt',
  'optin',
  'optout',
  'opted',
  'unsubscribed',
  'unsubscribe',
  'not',
  'bounced',
  'catchall',
  'provider',
  'statut',
  'estado',
  // lemlist's "emailsReplied", a count.
  'replied',
  'replies',
  'delivered',
  // PhantomBuster's "profileImageUrl", "Company Logo URL": a picture's address, not a website.
  'image',
  'picture',
  'photo',
  'avatar',
  'logo',
  // "durationInCompany", "Years in Position": how long; "pastExperienceCompanyTitle": another job.
  'duration',
  'tenure',
  'years',
  'months',
  'past',
  'previous',
  'former',
]);
const COMPANY_WORDS = new Set([
  'company',
  'employer',
  'organization',
  'organisation',
  'account',
  'entreprise',
  'societe',
  'unternehmen',
  'firma',
  'empresa',
]);

// Words that, after a company word, make the header about something of the company's: HubSpot's
// "Primary Associated Company ID" (a number), "Company Size", "Account Owner" (a salesperson). Before
// it they do not: Shopify's "Default Address Company" is the customer's company.
const COMPANY_ATTRIBUTES = new Set([
  'id',
  'number',
  'no',
  'size',
  'industry',
  'sector',
  'revenue',
  'employees',
  'headcount',
  'founded',
  'funding',
  'keywords',
  'technologies',
  'logo',
  'address',
  'street',
  'city',
  'state',
  'region',
  'country',
  'location',
  // "Company Twitter": its handle on a social site.
  'twitter',
  'facebook',
  'instagram',
  'youtube',
  'handle',
  'zip',
  'postal',
  'owner',
]);
// Things with a title of their own, not a person's job: "Campaign Title" (Mailchimp's
// "UNSUB_CAMPAIGN_TITLE"), Pipedrive's "Deal - Title", "Page Title", "Event title".
const TITLED_THINGS = new Set([
  ...['campaign', 'deal', 'opportunity', 'page', 'event', 'webinar', 'session', 'talk', 'podcast'],
  ...['episode', 'article', 'post', 'blog', 'course', 'book', 'video', 'product', 'listing', 'ad'],
  ...['document', 'project', 'ticket', 'task', 'form', 'survey', 'meeting', 'activity', 'note'],
]);
/** "Previous Company", "Former Employer": another company than the person's own. */
const OTHER_COMPANY = new Set(['previous', 'former', 'past']);

const CLEANED_WORDS = new Set(['clean', 'cleaned', 'short', 'shortened']);
const FOR_EMAILS_WORDS = new Set(['name', 'for', 'in', 'use', 'email', 'emails', ...CLEANED_WORDS]);

/**
 * "Company Name for Emails", "Cleaned Company Name", "Company (short)": every word says so. Not
 * "Company Emails" (addresses) nor "Company Short Description".
 */
function isCompanyForEmails(words: readonly string[]): boolean {
  if (!words.every((w) => COMPANY_WORDS.has(w) || FOR_EMAILS_WORDS.has(w))) return false;
  if (!words.some((w) => COMPANY_WORDS.has(w))) return false;
  const forEmails = words.includes('for') && (words.includes('emails') || words.includes('email'));
  return forEmails || words.some((w) => CLEANED_WORDS.has(w));
}

const exactIndex: Map<string, LeadField> = (() => {
  const m = new Map<string, LeadField>();
  for (const [field, list] of Object.entries(EXACT) as [LeadField, readonly string[]][]) {
    for (const s of list) m.set(foldKey(s), field);
  }
  return m;
})();

function partialMatch(words: string[]): LeadField | null {
  if (words.some((w) => DISQUALIFIERS.has(w))) return null;
  const has = (w: string): boolean => words.includes(w);
  const joined = words.join('');
  const aboutCompany = words.some((w) => COMPANY_WORDS.has(w));
  // "Sales Navigator URL": a LinkedIn link, which cleaning explains is not a public profile.
  if (joined.includes('linkedin') || has('navigator')) return aboutCompany ? null : 'linkedinUrl';
  if (has('email') || has('mail') || has('courriel') || has('correo') || joined.includes('email'))
    return 'email';
  if (
    has('website') ||
    has('url') ||
    has('homepage') ||
    has('domain') ||
    has('webseite') ||
    (has('site') && has('web'))
  ) {
    return 'website';
  }
  if (
    has('phone') ||
    has('phones') ||
    has('telephone') ||
    has('mobile') ||
    has('telefon') ||
    has('telefono') ||
    has('telefone') ||
    has('tel')
  ) {
    return 'phone';
  }
  if ((has('first') || has('given')) && has('name')) return 'firstName';
  if ((has('last') || has('family') || has('sur')) && has('name')) return 'lastName';
  if (
    (has('title') && !words.some((w) => TITLED_THINGS.has(w))) ||
    has('position') ||
    has('poste') ||
    has('cargo')
  )
    return 'title';
  return aboutCompany && companyPart(words) === 'name' ? 'company' : null;
}

/**
 * What a header with a company word names of the person's company: its name, or something of the
 * company's ("Company Size"); null without a company word, or for another company ("Previous Company").
 */
function companyPart(words: readonly string[]): 'name' | 'detail' | null {
  if (!words.some((w) => COMPANY_WORDS.has(w)) || words.some((w) => OTHER_COMPANY.has(w))) return null;
  const after = words.slice(words.findLastIndex((w) => COMPANY_WORDS.has(w)) + 1);
  return after.some((w) => COMPANY_ATTRIBUTES.has(w)) ? 'detail' : 'name';
}

// Someone else's address or number: an assistant's, a manager's, the account owner's, the one bills go to.
const SOMEONE_ELSES = [
  'assistant',
  'manager',
  'owner',
  'billing',
  'invoice',
  'invoices',
  'invoicing',
  'sender',
  'referrer',
];

// An address that is not the person's own: someone else's, or the company's.
const OTHER_EMAIL_WORDS = new Set(SOMEONE_ELSES);

// A phone that is not the person's own at work or on the move: someone else's, the company's
// switchboard, a home phone, a fax.
const OTHER_PHONE_WORDS = new Set([
  ...SOMEONE_ELSES,
  'corporate',
  'hq',
  'headquarters',
  'main',
  'switchboard',
  'standard',
  'zentrale',
  'centralita',
  'home',
  'private',
  'privat',
  'domicile',
  'casa',
  'residencial',
  'particular',
  'fax',
  'pager',
]);

/**
 * Whether a header names an email or a phone column, and whose: the person's own ("Work Email",
 * "Person - Email - Home", "Mobile Phone", "Direct Phone Number", "Other Phone"), or another's
 * ("Assistant Email", "Company Phone", "Corporate Phone", "Assistant Phone"; a home phone too, which
 * outreach does not call).
 */
export function ownerOf(header: string, field: SeveralColumnField): 'person' | 'other' | null {
  if (matchHeader(header)?.field !== field) return null;
  const others = field === 'email' ? OTHER_EMAIL_WORDS : OTHER_PHONE_WORDS;
  return foldWords(header).some((w) => COMPANY_WORDS.has(w) || others.has(w)) ? 'other' : 'person';
}

/** Whether a header names something of the company's other than its name: "Company Size", "Account ID". */
export function namesCompanyDetail(header: string): boolean {
  return companyPart(foldWords(header)) === 'detail';
}

/** What a header names, or null for "not a lead field" (it becomes a custom variable). */
export function matchHeader(header: string): HeaderMatch | null {
  const key = foldKey(header);
  if (key === '') return null;
  if (key === 'headline') return { field: 'title', strength: 'fallback' };
  const exact = exactIndex.get(key);
  if (exact) return { field: exact, strength: 'exact' };
  const prefers = AMBIGUOUS_NAME[key];
  if (prefers && Object.hasOwn(AMBIGUOUS_NAME, key))
    return { field: 'ambiguousName', strength: 'exact', prefers };
  const words = foldWords(header);
  if (isCompanyForEmails(words)) return { field: 'company', strength: 'preferred' };
  const partial = partialMatch(words);
  return partial ? { field: partial, strength: 'partial' } : null;
}

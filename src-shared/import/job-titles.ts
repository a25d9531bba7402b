/*
 * The words of job titles: to find a column of titles without a header ("Head of Growth"), and to tell
 * a job written where a name goes from the name ("Jane Doe, CEO", "Hiring Manager").
 */
import { withCapitals, type CapitalsRules } from './capitals';
import { detached, valueMemo } from './memo';
import { foldWords } from './text';

// Words of job titles, folded (lower case, no accents; ł, ø and æ have none to lose), in the languages
// the headers are read in: "Co-Founder & CEO", "Directrice commerciale", "Geschäftsführer", "VD".
const JOB_TITLE_WORDS = new Set([
  ...['ceo', 'cto', 'cfo', 'coo', 'cmo', 'cio', 'cpo', 'cro', 'ciso', 'chro', 'vp', 'svp', 'evp'],
  ...['founder', 'cofounder', 'owner', 'president', 'director', 'head', 'manager', 'chief', 'officer'],
  ...['engineer', 'developer', 'designer', 'consultant', 'analyst', 'specialist', 'executive'],
  ...['associate', 'coordinator', 'administrator', 'recruiter', 'lead', 'principal', 'partner'],
  ...['intern', 'assistant', 'architect', 'scientist', 'strategist', 'advisor', 'adviser'],
  ...['accountant', 'controller', 'buyer', 'editor', 'producer'],
  ...['directeur', 'directrice', 'responsable', 'fondateur', 'fondatrice', 'dirigeant', 'gerant'],
  ...['geschaftsfuhrer', 'geschaftsfuhrerin', 'leiter', 'leiterin', 'inhaber', 'inhaberin', 'grunder'],
  ...['gerente', 'directora', 'jefe', 'jefa', 'fundador', 'fundadora', 'diretor', 'diretora', 'socio'],
  ...['direttore', 'direttrice', 'amministratore', 'titolare', 'fondatore', 'fondatrice'],
  ...['eigenaar', 'oprichter', 'bedrijfsleider', 'dyrektor', 'prezes', 'kierownik', 'własciciel'],
  ...['załozyciel', 'reditel', 'reditelka', 'jednatel', 'majitel', 'majitelka', 'zakladatel'],
  ...['vd', 'chef', 'leder', 'direktor', 'direktør', 'grundare', 'grundlægger', 'agare', 'ejer', 'eier'],
  ...['toimitusjohtaja', 'johtaja', 'perustaja', 'omistaja', 'yrittaja'],
]);
// The ends of compound titles: "Vertriebsleiter", "Säljchef", "Myyntijohtaja", "Salgsdirektør".
const JOB_TITLE_ENDINGS = ['leiter', 'leiterin', 'chef', 'johtaja', 'direktor', 'direktør', 'manager'];

/** A folded word (`foldWords`) of a job title: "ceo", "founder", "vertriebsleiter". */
export function isJobWord(word: string): boolean {
  return (
    JOB_TITLE_WORDS.has(word) || JOB_TITLE_ENDINGS.some((e) => word.length > e.length && word.endsWith(e))
  );
}

// Words before the job in a title: "Senior Engineer", "Managing Director", "Co-Founder & CEO".
const BEFORE_JOB = new Set([
  ...['co', 'senior', 'sr', 'junior', 'jr', 'deputy', 'vice', 'managing', 'general', 'interim', 'acting'],
  ...['global', 'regional', 'national', 'group', 'staff', 'exec', 'the', 'a', 'an'],
]);

/** Whether `value` starts as a job title does: its first word past the ones before a job names one ("VP Sales", "Senior Engineer at Acme"). */
export function startsWithJob(value: string): boolean {
  for (const w of foldWords(value, false)) {
    if (!BEFORE_JOB.has(w)) return isJobWord(w);
  }
  return false;
}

/** Whether some word of `value` names a job ("Co-Founder & CEO", "Directrice commerciale"). */
export function namesJob(value: string): boolean {
  return foldWords(value, false).some(isJobWord);
}

const TITLE_CAPITALS: CapitalsRules = {
  keepsCase: /[@_+]/u,
  // The acronyms and the words of titles written their own way, which a title in one case may hold.
  written: new Map(
    [
      ...['CEO', 'CTO', 'CFO', 'COO', 'CMO', 'CIO', 'CPO', 'CRO', 'CISO', 'CHRO', 'CCO', 'CDO', 'VP'],
      ...['SVP', 'EVP', 'AVP', 'GM', 'MD', 'VD', 'HR', 'IT', 'PR', 'QA', 'UX', 'UI', 'SEO', 'SDR', 'BDR'],
      ...['AE', 'CSM', 'PM', 'R&D', 'EMEA', 'APAC', 'DACH', 'LATAM', 'US', 'UK', 'EU', 'AI', 'ML', 'ESG'],
      ...['GTM', 'B2B', 'B2C', 'SaaS', 'RevOps', 'DevOps', 'PhD', 'CPA', 'Co', 'Sr', 'Jr', 'Dr'],
    ].map((w) => [w.toLowerCase(), w]),
  ),
};

/** A job title in one case, as an email writes it: "VP OF SALES" -> "VP of Sales", "ceo & co-founder" -> "CEO & Co-Founder". */
export const titleForEmails: (title: string) => string = valueMemo(
  (title) => withCapitals(title, TITLE_CAPITALS),
  detached,
);

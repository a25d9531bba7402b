/*
 * Public API of the import pipeline (everything but file reading, which is
 * in ./read). Hosts import from here; the modules below are one job each:
 *   types        domain types + zod schemas (ColumnMapping, NormalisedLead, LeadState ...)
 *   header       detectHeaderRow, normaliseHeaders, customKey(s)
 *   mapping      suggestMapping, validateMapping, templates (headerSignature, applyTemplate)
 *   sheet-choice describeSheets, preferredSheet: which sheet of a workbook holds the leads
 *   text/email/name/website/linkedin/phone   individual cleaning rules
 *   name-in-address  the name a first.last address is made of, offered to a lead without one
 *   job-titles/legal-forms  the words of job titles and of companies' legal forms
 *   clean        cleanRow / cleanLead (one row) and classify (one state + reason)
 *   dedupe       findDuplicateGroups, matchExisting, mergeInto
 *   suppression  parseSuppressionEntry, isSuppressed
 *   pipeline     runPipeline: all of the above over a sheet
 */
export * from './types';
export { cleanText, cleanOptional, foldKey, foldWords } from './text';
export { detectHeaderRow, normaliseHeaders, customKey, customKeys, MAX_HEADER_LENGTH } from './header';
export { matchHeader, type HeaderMatch } from './synonyms';
export { sniffColumn, SNIFF_THRESHOLD, type SniffResult, type SniffedField } from './sniff';
export {
  suggestMapping,
  visibleRowsBelow,
  validateMapping,
  missingEmailMessage,
  headerSignature,
  templateFromMapping,
  applyTemplate,
  MappingTemplateBodySchema,
  type MappingTemplateBody,
  type MappingProblem,
  type MappingValidation,
} from './mapping';
export {
  describeSheets,
  hasEmailColumn,
  importsOfSheet,
  preferredSheet,
  type SheetOverview,
} from './sheet-choice';
export {
  cleanEmail,
  checkEmail,
  cleanAndCheckEmail,
  emailKey,
  emailDomain,
  isRoleAddress,
  hasSeveralEmails,
  type EmailCheck,
} from './email';
export { suggestDomain } from './typos';
export { isFreeMailDomain, isDisposableDomain } from './domain-lists';
export { cleanPersonName, splitFullName, fullNameInOrder, joinName, type NameParts } from './name';
export { websiteDomain, emailRegistrableDomain, toAsciiHost } from './website';
export { canonicalLinkedIn, type LinkedInResult } from './linkedin';
export { cleanPhone, isPhoneMangledByNumberFormat } from './phone';
export { jaroWinkler } from './jaro-winkler';
export {
  cleanRow,
  cleanLead,
  classify,
  compileMapping,
  type CompiledMapping,
  type CleanedLead,
  type RowIssue,
  type CrossRowVerdict,
  type Classification,
} from './clean';
export {
  findDuplicateGroups,
  matchExisting,
  mergeInto,
  completeness,
  LAST_NAME_SIMILARITY,
  FIRST_NAME_SIMILARITY,
  FULL_NAME_SIMILARITY,
  type DedupeItem,
  type DuplicateGroup,
  type DuplicateKind,
  type ExistingLookup,
  type ExistingMatch,
} from './dedupe';
export {
  isSuppressed,
  parseSuppressionEntry,
  type SuppressionSet,
  type SuppressionEntry,
} from './suppression';
export {
  runPipeline,
  MappingError,
  type PipelineInput,
  type PipelineResult,
  type PipelineGroup,
  type CleanedRow,
} from './pipeline';

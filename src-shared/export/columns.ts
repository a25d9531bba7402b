import { escapeFormula } from './escape';

/** Normalised lead fields in export order, with their column names. */
export const EXPORT_FIELDS = [
  ['email', 'email'],
  ['firstName', 'first_name'],
  ['lastName', 'last_name'],
  ['fullName', 'full_name'],
  ['title', 'title'],
  ['company', 'company'],
  ['website', 'website'],
  ['domain', 'domain'],
  ['linkedinUrl', 'linkedin_url'],
  ['phone', 'phone'],
] as const;
export type ExportField = (typeof EXPORT_FIELDS)[number][0];

/** A column of the imported file: a header can repeat, so `occurrence` tells the copies apart. */
export interface OriginalKey {
  header: string;
  occurrence: number;
}

export type ExportColumn =
  | { kind: 'original'; name: string; key: OriginalKey }
  | { kind: 'field'; name: string; field: ExportField }
  | { kind: 'custom'; name: string; key: string }
  | { kind: 'step'; name: string; step: number; part: 'subject' | 'body' };

export interface ExportLead {
  /** The imported row as (header, value) pairs in column order. */
  original: ReadonlyArray<{ header: string; value: string }>;
  fields: Readonly<Record<ExportField, string | null>>;
  custom: Readonly<Record<string, string>>;
  steps: ReadonlyArray<{ step: number; subject: string; body: string }>;
}

/** Keys of a row's original cells, numbering repeated headers. */
export function originalKeys(headers: readonly string[]): OriginalKey[] {
  const seen = new Map<string, number>();
  return headers.map((header) => {
    const occurrence = (seen.get(header) ?? 0) + 1;
    seen.set(header, occurrence);
    return { header, occurrence };
  });
}

const keyId = (k: OriginalKey) => `${k.occurrence}\u0000${k.header}`;

/**
 * Column names are unique without regard to case (tools that read the file back often ignore case):
 * the file's own headers keep their text; a later column whose name is taken gets a suffix saying
 * where it comes from, e.g. "email (LeadPrep)" when the file already had an "Email" column.
 */
export function exportColumns(
  originalHeaderLists: ReadonlyArray<readonly string[]>,
  customKeys: readonly string[],
  stepCount: number,
): ExportColumn[] {
  const taken = new Set<string>();
  const claim = (base: string, suffix: string): string => {
    let name = base;
    for (let n = 1; taken.has(name.toLowerCase()); n++) name = `${base} (${suffix}${n > 1 ? ` ${n}` : ''})`;
    taken.add(name.toLowerCase());
    return name;
  };
  const columns: ExportColumn[] = [];
  const seenKeys = new Set<string>();
  for (const headers of originalHeaderLists) {
    for (const key of originalKeys(headers)) {
      if (seenKeys.has(keyId(key))) continue;
      seenKeys.add(keyId(key));
      columns.push({ kind: 'original', name: claim(key.header, 'column'), key });
    }
  }
  for (const [field, name] of EXPORT_FIELDS)
    columns.push({ kind: 'field', name: claim(name, 'LeadPrep'), field });
  for (const key of customKeys) columns.push({ kind: 'custom', name: claim(key, 'custom'), key });
  for (let step = 1; step <= stepCount; step++) {
    columns.push({ kind: 'step', name: claim(`step_${step}_subject`, 'LeadPrep'), step, part: 'subject' });
    columns.push({ kind: 'step', name: claim(`step_${step}_body`, 'LeadPrep'), step, part: 'body' });
  }
  return columns;
}

export function buildRow(
  columns: readonly ExportColumn[],
  lead: ExportLead,
  escapeFormulas: boolean,
): string[] {
  const original = new Map<string, string>();
  const keys = originalKeys(lead.original.map((c) => c.header));
  lead.original.forEach((c, i) => {
    const k = keys[i];
    if (k) original.set(keyId(k), c.value);
  });
  const steps = new Map(lead.steps.map((s) => [s.step, s]));
  return columns.map((col) => {
    let value: string;
    switch (col.kind) {
      case 'original':
        value = original.get(keyId(col.key)) ?? '';
        break;
      case 'field':
        value = lead.fields[col.field] ?? '';
        break;
      case 'custom':
        value = Object.prototype.hasOwnProperty.call(lead.custom, col.key)
          ? (lead.custom[col.key] ?? '')
          : '';
        break;
      case 'step':
        value = steps.get(col.step)?.[col.part] ?? '';
        break;
    }
    return escapeFormulas ? escapeFormula(value) : value;
  });
}

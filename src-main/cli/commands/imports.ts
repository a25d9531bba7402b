import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { MAX_PAGE, type ImportSummary, type LeadRow } from '../../../src-shared/contract/imports';
import { AppError } from '../../../src-shared/errors';
import {
  LEAD_STATES,
  LEAD_STATE_LABELS,
  LeadStateSchema,
  ROW_GUARDS,
  ROW_GUARD_MARKS,
  type RowGuard,
} from '../../../src-shared/import/types';
import { NO_HEADER_ROW } from '../../../src-shared/import/header';
import { openWorkbook, isReadError, READABLE_EXTENSIONS } from '../../../src-shared/import/read';
import { isTextEncoding, TEXT_ENCODINGS } from '../../../src-shared/import/read/text';
import {
  describeSuppressionAdd,
  describeSuppressionRemove,
  parseSuppressionEntry,
  suppressionFileEntries,
  suppressionListTooLong,
  type SuppressionFile,
} from '../../../src-shared/import/suppression';
import { importFile } from '../../services/imports/file-import';
import { UsageError, type CliRuntime, type CommandModule } from '../runtime';

/** Files bigger than this are refused before reading (the readers have their own, tighter limits). */
const MAX_FILE_BYTES = 1024 * 1024 * 1024;

function readInput(path: string): Uint8Array {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new AppError('invalid_input', `Cannot read ${path}: no such file.`);
  }
  if (size > MAX_FILE_BYTES)
    throw new AppError('read_failed', `${path} is larger than 1 GB; split it into smaller files.`);
  try {
    return new Uint8Array(readFileSync(path));
  } catch (e) {
    throw new AppError(
      'invalid_input',
      `Cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? 'read error'}.`,
    );
  }
}

function suppressionFile(path: string): SuppressionFile {
  const bytes = readInput(path);
  try {
    return suppressionFileEntries(openWorkbook(bytes, basename(path)));
  } catch (e) {
    if (isReadError(e)) throw new AppError('read_failed', e.message);
    throw e;
  }
}

const n = (v: number): string => v.toLocaleString('en-US');

function countsTable(s: ImportSummary): string {
  return LEAD_STATES.map((k) => `  ${LEAD_STATE_LABELS[k].padEnd(11)} ${n(s.counts[k]).padStart(9)}`).join(
    '\n',
  );
}

async function addSuppressions(
  rt: CliRuntime,
  { entries, columns }: SuppressionFile,
  source: string,
): Promise<string> {
  if (entries.length === 0) throw new AppError('invalid_input', 'No emails or domains were given.');
  const tooLong = suppressionListTooLong(entries.length);
  if (tooLong !== null) throw new AppError('invalid_input', tooLong);
  const r = await rt.call('suppressions.add', { entries, source });
  const said = describeSuppressionAdd(r, entries.length, columns);
  // A list with nothing usable is a wrong file or column: stop here rather than import leads unsuppressed.
  if (!said.ok) throw new AppError('invalid_input', said.text);
  return `Suppression list: ${said.text}`;
}

/** The rows read that are not leads, in brackets after the total, or nothing. */
function skipped(s: ImportSummary): string {
  const kinds: [count: number, one: string, many: string][] = [
    [s.blankRows, 'blank row skipped', 'blank rows skipped'],
    [s.hiddenRows, 'hidden row left out', 'hidden rows left out'],
    [s.headerRepeats, 'repeat of the header row skipped', 'repeats of the header row skipped'],
    [s.footerRows, "line of the report's footer skipped", "lines of the report's footer skipped"],
  ];
  const parts = kinds
    .filter(([count]) => count > 0)
    .map(([count, one, many]) => `${n(count)} ${count === 1 ? one : many}`);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

/**
 * The columns that keep rows from being sent, and what they mark ("Lead Status" (opted out, not
 * interested)): a suppressed or invalid count says why without listing the leads.
 */
function guardsNote(s: ImportSummary): string[] {
  const columns = s.mapping.flatMap((t, i) => {
    if (t.kind !== 'custom') return [];
    const marks = ROW_GUARDS.filter((g) => t[g] === true).map((g) => ROW_GUARD_MARKS[g]);
    return marks.length === 0 ? [] : [`"${s.headers[i] ?? ''}" (${marks.join(', ')})`];
  });
  return columns.length === 0 ? [] : [`Left out where the file marks them: ${columns.join(', ')}.`];
}

/**
 * What to do about the leads that need a fix (a typo, no name, a possible duplicate or a person possibly
 * already in your leads): a committed import never uses them, and its decisions are final.
 */
function needsFixHint(s: ImportSummary, fixable: { addresses: number; names: number }): string[] {
  const k = s.counts.needs_fix;
  if (k === 0) return [];
  const them = `${n(k)} ${k === 1 ? 'lead needs a fix' : 'leads need a fix'}`;
  const list = `leadprep leads --import ${s.id} --state needs_fix`;
  if (s.status !== 'committed')
    return [
      `${them} (see why: ${list}). Review them in the app (Clean & dedupe), then commit the import there.`,
    ];
  const have = (m: number): string => (m === k ? (k === 1 ? 'It has' : 'All have') : `${n(m)} of them have`);
  const offers = [
    fixable.addresses === 0
      ? ''
      : ` ${have(fixable.addresses)} a suggested fix to the address: to take those fixes, import the file again with --apply-fixes --force (its other leads are then already in your leads).`,
    fixable.names === 0
      ? ''
      : ` ${have(fixable.names)} no name but one in the address (ann.lee@ reads as Ann Lee): to take those names, import the file again with --names-from-addresses --force.`,
  ].join('');
  return [
    `${them} and ${k === 1 ? 'is' : 'are'} not used for generation (see why: ${list}).${offers} Import with --draft to review such rows in the app before committing.`,
  ];
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** A mark's word on the command line: "already answered" is `already-answered`. */
const markWord = (g: RowGuard): string => ROW_GUARD_MARKS[g].replaceAll(' ', '-');

/** The ticks `--keep-marked` clears, from the words of the marks. */
function guardsOf(words: readonly string[]): RowGuard[] {
  return words.map((word) => {
    const g = ROW_GUARDS.find((guard) => markWord(guard) === word.trim().toLowerCase());
    if (g === undefined)
      throw new UsageError(
        `--keep-marked takes one of ${ROW_GUARDS.map(markWord).join(', ')}, not "${word}".`,
      );
    return g;
  });
}

function leadLine(l: LeadRow): string {
  return `${String(l.rowNumber).padStart(7)}  ${LEAD_STATE_LABELS[l.state].padEnd(10)}  ${(l.email ?? '(no email)').padEnd(36)}  ${l.fullName ?? ''}${l.state === 'ready' ? '' : `  — ${l.reason}`}`;
}

export const registerImports: CommandModule = (program: Command, rt: CliRuntime) => {
  program
    .command('import <file>')
    .description(
      `import a lead file (${READABLE_EXTENSIONS.replaceAll(',', ' ')}): clean, dedupe, commit; prints counts by state`,
    )
    .option('--sheet <name>', 'sheet to import (default: the largest visible one with an email column)')
    .option('--header-row <n>', 'row number of the header, 0 for none (default: detected)')
    .option(
      '--map <field=Column>',
      'map a column to a field, e.g. --map email="Work Email" (repeatable)',
      collect,
      [],
    )
    .option('--template <name>', 'apply a saved mapping template')
    .option(
      '--fields-only',
      'ignore the columns not mapped to a field instead of keeping them as custom variables',
    )
    .option('--suppress <file>', 'add the emails/domains in this file to the suppression list first')
    .option('--force', 'import even if this sheet of the same file was imported before')
    .option('--draft', 'stage as a draft to review in the app instead of committing')
    .option('--apply-fixes', 'take every fix suggested for an address (typos, slips) before committing')
    .option(
      '--names-from-addresses',
      'give each lead without a name the one its address is made of (ann.lee@ -> Ann Lee) before committing',
    )
    .option(
      '--exclude-unconfirmed',
      "exclude the addresses the file's email verifier could not confirm (catch-all, unknown) before committing",
    )
    .option(
      '--keep-marked <mark>',
      `send the rows the file marks so after all (${ROW_GUARDS.map(markWord).join(', ')}), e.g. a sequence for those who already answered (repeatable)`,
      collect,
      [],
    )
    .option(
      '--include-hidden',
      'import the rows hidden in the sheet (filtered out in Excel) too, and keep its hidden columns as custom variables',
    )
    .option('--encoding <name>', `read a text file in this encoding: ${TEXT_ENCODINGS.join(', ')}`)
    .action(
      async (
        file: string,
        o: {
          sheet?: string;
          headerRow?: string;
          map: string[];
          template?: string;
          fieldsOnly?: boolean;
          suppress?: string;
          force?: boolean;
          draft?: boolean;
          applyFixes?: boolean;
          namesFromAddresses?: boolean;
          excludeUnconfirmed?: boolean;
          keepMarked: string[];
          includeHidden?: boolean;
          encoding?: string;
        },
      ) => {
        const keepMarked = guardsOf(o.keepMarked);
        if (o.encoding !== undefined && !isTextEncoding(o.encoding))
          throw new UsageError(
            `--encoding must be one of ${TEXT_ENCODINGS.join(', ')}, not "${o.encoding}".`,
          );
        let headerRowNumber: number | undefined;
        if (o.headerRow !== undefined) {
          if (!/^\d+$/.test(o.headerRow))
            throw new UsageError(
              `--header-row must be a row number (1 or more, 0 for a sheet without a header row), not "${o.headerRow}".`,
            );
          headerRowNumber = Number(o.headerRow);
        }
        const bytes = readInput(file);
        const notes: string[] = [];
        if (o.suppress)
          notes.push(await addSuppressions(rt, suppressionFile(o.suppress), basename(o.suppress)));
        const result = await importFile((name, input) => rt.call(name, input), bytes, basename(file), {
          sheet: o.sheet,
          headerRowNumber,
          map: o.map,
          template: o.template,
          fieldsOnly: o.fieldsOnly,
          force: o.force,
          draft: o.draft,
          applyFixes: o.applyFixes,
          namesFromAddresses: o.namesFromAddresses,
          excludeUnconfirmed: o.excludeUnconfirmed,
          keepMarked,
          includeHidden: o.includeHidden,
          encoding: o.encoding,
        });
        const s = result.summary;
        const actionable =
          s.status === 'committed' && s.counts.needs_fix > 0
            ? (await rt.call('leads.flagCounts', { importId: s.id })).actionable
            : null;
        const fixable = {
          addresses: actionable?.apply_all_typo_fixes ?? 0,
          names: actionable?.fill_names_from_addresses ?? 0,
        };
        rt.print(
          {
            importId: s.id,
            import: s,
            template: result.templateName,
            fixesApplied: result.fixesApplied,
            namesFilled: result.namesFilled,
            unconfirmedExcluded: result.unconfirmedExcluded,
            warnings: result.warnings,
            notes,
          },
          () =>
            [
              ...notes,
              ...result.warnings.map((w) => `Warning: ${w}`),
              ...(o.applyFixes ? [`Suggested address fixes taken: ${n(result.fixesApplied)}.`] : []),
              ...(o.namesFromAddresses ? [`Names filled from addresses: ${n(result.namesFilled)}.`] : []),
              ...(o.excludeUnconfirmed
                ? [`Addresses your verifier could not confirm excluded: ${n(result.unconfirmedExcluded)}.`]
                : []),
              `${s.status === 'committed' ? 'Imported' : 'Staged as a draft'}: ${s.fileName} as import ${s.id} (sheet "${s.sheet}", ${s.headerRow === NO_HEADER_ROW ? 'no header row' : `header row ${s.headerRow + 1}`}${result.templateName ? `, template "${result.templateName}"` : ''}).`,
              countsTable(s),
              `  ${'Total'.padEnd(11)} ${n(s.total).padStart(9)} ${s.total === 1 ? 'lead' : 'leads'} from ${n(s.rowsRead)} ${s.rowsRead === 1 ? 'row' : 'rows'}${skipped(s)}`,
              ...guardsNote(s),
              ...needsFixHint(s, fixable),
            ].join('\n'),
        );
      },
    );

  program
    .command('imports')
    .description('list recent imports with their counts')
    .option('--limit <n>', 'how many (default 50)', '50')
    .action(async (o: { limit: string }) => {
      const limit = Number(o.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 500)
        throw new UsageError('--limit must be between 1 and 500.');
      const { imports } = await rt.call('imports.list', { limit });
      rt.print(imports, () =>
        imports.length === 0
          ? 'No imports yet. Run: leadprep import <file>'
          : imports
              .map(
                (s) =>
                  `${String(s.id).padStart(5)}  ${s.unfinished ? 'unfinished' : s.status.padEnd(10)}  ${new Date(s.createdAt).toISOString().slice(0, 16).replace('T', ' ')}  ${s.fileName}  — ${LEAD_STATES.map((k) => `${s.counts[k]} ${LEAD_STATE_LABELS[k].toLowerCase()}`).join(', ')}`,
              )
              .join('\n'),
      );
    });

  program
    .command('leads')
    .description('list the leads of an import')
    .requiredOption('--import <id>', 'import id (see leadprep imports)')
    .option('--state <state>', `only one state: ${LEAD_STATES.join(', ')}`)
    .action(async (o: { import: string; state?: string }) => {
      const importId = Number(o.import);
      if (!Number.isInteger(importId) || importId < 1)
        throw new UsageError(`--import must be an import id, not "${o.import}".`);
      let state: (typeof LEAD_STATES)[number] | undefined;
      if (o.state !== undefined) {
        const p = LeadStateSchema.safeParse(o.state);
        if (!p.success)
          throw new UsageError(`Unknown state "${o.state}". Use one of: ${LEAD_STATES.join(', ')}.`);
        state = p.data;
      }
      const rows: LeadRow[] = [];
      for (let offset = 0; ; offset += 1000) {
        const page = await rt.call('leads.page', {
          importId,
          ...(state ? { state } : {}),
          offset,
          limit: 1000,
        });
        rows.push(...page.rows);
        if (page.rows.length < 1000) break;
      }
      rt.print(rows, () => (rows.length === 0 ? 'No leads.' : rows.map(leadLine).join('\n')));
    });

  const suppress = program
    .command('suppress')
    .description('manage the suppression list (emails and whole domains never to contact)');
  suppress
    .command('add <entries...>')
    .description('add emails or domains (e.g. jane@acme.com acme.com @rival.io)')
    .action(async (entries: string[]) => {
      const message = await addSuppressions(rt, { entries, columns: [] }, 'typed');
      rt.print({ message }, () => message);
    });
  suppress
    .command('import <file>')
    .description('add every email/domain found in a file (.csv .txt .xlsx …)')
    .action(async (file: string) => {
      const message = await addSuppressions(rt, suppressionFile(file), basename(file));
      rt.print({ message }, () => message);
    });
  suppress
    .command('list')
    .description('list the entries, newest first, with their source and date')
    .option('--search <text>', 'only the entries whose email, domain or source holds this')
    .option('--limit <n>', `how many (default 100, at most ${n(MAX_PAGE)})`, '100')
    .action(async (o: { search?: string; limit: string }) => {
      const limit = Number(o.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE)
        throw new UsageError(`--limit must be between 1 and ${n(MAX_PAGE)}.`);
      const r = await rt.call('suppressions.list', { ...(o.search ? { search: o.search } : {}), limit });
      rt.print(r, () => {
        if (r.total === 0)
          return o.search ? 'No entry matches this search.' : 'The suppression list is empty.';
        const lines = r.entries.map(
          (e) =>
            `${e.value.padEnd(36)} ${e.kind.padEnd(6)}  ${new Date(e.createdAt).toISOString().slice(0, 10)}  ${e.source}`,
        );
        if (r.total > r.entries.length)
          lines.push(`… ${n(r.total - r.entries.length)} more (see --limit, --search).`);
        return lines.join('\n');
      });
    });
  suppress
    .command('remove [entries...]')
    .description(
      "remove emails or domains, or with --matching every entry a search finds (e.g. a file's name)",
    )
    .option('--matching <text>', 'remove every entry whose email, domain or source holds this')
    .action(async (entries: string[], o: { matching?: string }) => {
      const byValue = entries.length > 0;
      if (byValue === (o.matching !== undefined))
        throw new UsageError('Name the entries to remove, or give --matching <text>, not both.');
      if (o.matching !== undefined && o.matching.trim() === '')
        throw new UsageError('--matching needs some text to look for.');
      const asListed = entries.map((text) => {
        const e = parseSuppressionEntry(text);
        if (e === null) throw new UsageError(`"${text}" is not an email address or a domain.`);
        return { text, key: `${e.kind}:${e.value}` };
      });
      const r = await rt.call(
        'suppressions.remove',
        o.matching === undefined ? { values: entries } : { search: o.matching },
      );
      const removed = new Set(r.entries.map((e) => `${e.kind}:${e.value}`));
      const missing = asListed.filter((e) => !removed.has(e.key)).map((e) => e.text);
      if (byValue && r.removed === 0)
        throw new AppError('not_found', `Not on the suppression list: ${missing.join(', ')}.`);
      const message = [
        `Suppression list: ${describeSuppressionRemove(r)}`,
        ...(missing.length > 0 ? [`Not on the list: ${missing.join(', ')}.`] : []),
      ].join('\n');
      rt.print({ ...r, missing }, () => message);
    });
};

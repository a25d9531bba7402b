/*
 * A ZIP archive of exports: Mailchimp's audience export (subscribed, unsubscribed and cleaned members
 * in three CSVs), LinkedIn's data export (Connections.csv among others), a CRM's large export. Each
 * spreadsheet or text file in it is read as it would be on its own, and its sheets are the archive's:
 * "Connections.csv" for a text file, "leads.xlsx › Sheet1" for a sheet of a workbook of several.
 * A file in it that cannot be read is still listed, with no rows and why (`unreadable`).
 * The archive's declared sizes were checked (`inspectZip`) before anything here inflates it.
 */
import * as XLSX from 'xlsx';
import { ReadError, cancelled } from './errors';
import { isReadableEntry } from './sniff';
import type { ReadOptions, SheetInfo, SheetReader } from './types';

/** Reads one file of the archive as `openWorkbook` does, refusing an archive (`archiveInArchive`). */
type Open = (bytes: Uint8Array, fileName: string, opts: ReadOptions) => SheetReader;

// SheetJS types CFB as `any`; this is the part of its surface read here (it reads ZIP archives too).
interface ZipContainer {
  FullPaths: string[];
  FileIndex: { type: number; content?: unknown }[];
}
const CFB = XLSX.CFB as { read(data: Uint8Array, opts: { type: 'array' }): ZipContainer };

interface Part {
  info: SheetInfo;
  /** The workbook the sheet is in and its name there, or why the file could not be read. */
  source: { wb: SheetReader; sheet: string } | { error: ReadError };
}

function unreadable(e: unknown): ReadError {
  if (e instanceof ReadError) return e;
  return new ReadError(
    'corrupt',
    'This file in the archive is damaged or incomplete. Unzip the archive and open the file to check it.',
    e instanceof Error ? e.message : String(e),
  );
}

/** The files of the archive `bytes`, by path inside it, that `isReadableEntry` takes, in path order. */
function readableFiles(bytes: Uint8Array): { path: string; content: Uint8Array }[] {
  let container: ZipContainer;
  try {
    container = CFB.read(bytes, { type: 'array' });
  } catch (e) {
    throw new ReadError(
      'corrupt',
      'This ZIP archive is damaged or incomplete (it may have been cut off while downloading). Download it again, or unzip it and import the file in it.',
      e instanceof Error ? e.message : String(e),
    );
  }
  const files: { path: string; content: Uint8Array }[] = [];
  container.FileIndex.forEach((entry, i) => {
    // SheetJS roots every path at "Root Entry/".
    const path = (container.FullPaths[i] ?? '').replace(/^[^/]*\//, '');
    if (entry.type !== 2 || !isReadableEntry(path)) return;
    const content = entry.content;
    if (content instanceof Uint8Array) files.push({ path, content });
  });
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The sheets of the files in the archive `bytes`; `open` reads one file as `openWorkbook` does. */
export function archiveWorkbook(bytes: Uint8Array, opts: ReadOptions, open: Open): SheetReader {
  const files = readableFiles(bytes);
  // A file's own name where it is the only one so named, its path in the archive otherwise.
  const baseName = (path: string): string => path.split('/').pop() ?? path;
  const namesakes = new Map<string, number>();
  for (const f of files) namesakes.set(baseName(f.path), (namesakes.get(baseName(f.path)) ?? 0) + 1);
  const named = (path: string): string => ((namesakes.get(baseName(path)) ?? 0) > 1 ? path : baseName(path));
  const parts: Part[] = [];
  for (const [i, file] of files.entries()) {
    // A file at a time: what a file is made of is its own reader's business.
    opts.onProgress?.({ phase: 'parse', done: i, total: files.length });
    if (opts.signal?.aborted) throw cancelled();
    const name = named(file.path);
    let wb: SheetReader;
    try {
      const { onProgress: _, ...quiet } = opts;
      wb = open(file.content, baseName(file.path), quiet);
    } catch (e) {
      const error = unreadable(e);
      parts.push({ info: { name, rowCount: 0, unreadable: error.message }, source: { error } });
      continue;
    }
    const single = wb.sheets.length === 1;
    for (const s of wb.sheets) {
      const info: SheetInfo = { name: single ? name : `${name} › ${s.name}`, rowCount: s.rowCount };
      if (s.hidden) info.hidden = true;
      parts.push({ info, source: { wb, sheet: s.name } });
    }
  }
  if (parts.length === 0) {
    throw new ReadError(
      'not_spreadsheet',
      'This ZIP archive holds no spreadsheet or CSV file. Unzip it and import the file with your leads.',
    );
  }
  opts.onProgress?.({ phase: 'parse', done: files.length, total: files.length });

  const partOf = (name: string): Part => {
    const part = parts.find((p) => p.info.name === name);
    if (!part) {
      throw new ReadError(
        'empty',
        `There is no file or sheet named "${name}" in this archive. Pick one of: ${parts.map((p) => p.info.name).join(', ')}.`,
      );
    }
    return part;
  };
  let last: SheetReader | null = null;
  return {
    kind: 'zip',
    sheets: parts.map((p) => p.info),
    get truncatedCells() {
      return last?.truncatedCells ?? 0;
    },
    get unclosedQuoteRows() {
      return last?.unclosedQuoteRows ?? [];
    },
    readSheet(name, readOpts) {
      const { source } = partOf(name);
      if ('error' in source) throw source.error;
      last = source.wb;
      return source.wb.readSheet(source.sheet, readOpts);
    },
    hiddenRows(name) {
      const { source } = partOf(name);
      return 'error' in source ? [] : source.wb.hiddenRows(source.sheet);
    },
    hiddenColumns(name) {
      const { source } = partOf(name);
      return 'error' in source ? [] : source.wb.hiddenColumns(source.sheet);
    },
    topRows(name, count) {
      const part = parts.find((p) => p.info.name === name);
      if (!part || 'error' in part.source) return [];
      return part.source.wb.topRows(part.source.sheet, count);
    },
  };
}

/** An archive inside the archive is not opened: the sizes checked were the outer one's. */
export function archiveInArchive(): ReadError {
  return new ReadError(
    'unsupported',
    'This is an archive inside the archive, which LeadPrep does not open. Unzip both, then import the file with your leads.',
  );
}

import { mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Handlers } from '../../../src-shared/contract';
import { ExportRequest, type ExportResult } from '../../../src-shared/contract/review';
import { AppError } from '../../../src-shared/errors';
import { escapeFormula } from '../../../src-shared/export/escape';
import type { AppContext } from '../../app/context';
import { planExport } from './source';
import { writeCsv } from './writers';
import { writeXlsx } from './xlsx-stream';

type ExportHandlers = Pick<Handlers, 'export.create' | 'export.download' | 'export.reveal'>;

/** Larger files are not sent over IPC/HTTP as base64; the user opens them from the exports folder. */
const MAX_DOWNLOAD_BYTES = 50 * 1024 * 1024;

const MIME = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;

function defaultFileName(req: ExportRequest, now: Date): string {
  const source = req.source.kind === 'run' ? `run-${req.source.runId}` : `import-${req.source.importId}`;
  const stamp = now.toISOString().replace(/[:.]/g, '-').replace(/Z$/, '');
  return `leadprep-${source}-${req.which}-${stamp}.${req.format}`;
}

/**
 * Exports leads with their sequences. Windows (Electron and web) never pass a path: a renderer that
 * could name any path could overwrite any file the user can. export.create writes into the data
 * folder's exports/ directory and returns the file name; the window then offers export.reveal (show
 * in the file manager) or export.download (bytes as base64 for the web host's download link). The CLI
 * calls exportToFile with the --out path the user typed.
 */
export function createExportService(ctx: AppContext) {
  const exportsDir = join(ctx.paths.dataDir, 'exports');

  async function exportToFile(input: ExportRequest, outPath: string): Promise<ExportResult> {
    const req = ExportRequest.parse(input);
    const plan = await planExport(ctx.database.sqlite, req);
    const header = plan.columns.map((c) => (req.escapeFormulas ? escapeFormula(c.name) : c.name));
    const emit = (phase: 'rows' | 'writing' | 'done', done: number) =>
      ctx.events.emit('export.progress', { jobId: req.jobId, phase, done, total: plan.total });
    mkdirSync(dirname(outPath), { recursive: true });
    // Written beside the target and renamed at the end, so a failed export never leaves a half file
    // under the name the user chose.
    const partPath = `${outPath}.part-${process.pid}`;
    try {
      const rows =
        req.format === 'csv'
          ? await writeCsv(partPath, header, plan.chunks(), emit)
          : await writeXlsx(partPath, header, plan.chunks(), emit);
      renameSync(partPath, outPath);
      emit('done', rows);
      ctx.log.info(`Exported ${rows} leads to ${basename(outPath)}`);
      return {
        fileName: basename(outPath),
        path: outPath,
        format: req.format,
        rows,
        columns: plan.columns.map((c) => c.name),
        bytes: statSync(outPath).size,
      };
    } catch (e) {
      rmSync(partPath, { force: true });
      if (e instanceof AppError) throw e;
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EACCES' || code === 'EPERM' || code === 'ENOSPC' || code === 'EROFS') {
        throw new AppError(
          'read_failed',
          `Could not write ${basename(outPath)} (${code}). Choose a folder you can write to, or free disk space.`,
        );
      }
      throw e;
    }
  }

  function exportFile(fileName: string): string {
    const path = join(exportsDir, basename(fileName));
    try {
      statSync(path);
    } catch {
      throw new AppError(
        'not_found',
        `The export ${fileName} is no longer in the exports folder. Export again.`,
      );
    }
    return path;
  }

  const handlers: ExportHandlers = {
    'export.create': (req) => exportToFile(req, join(exportsDir, defaultFileName(req, new Date()))),
    'export.download': async ({ fileName }) => {
      const path = exportFile(fileName);
      const bytes = statSync(path).size;
      if (bytes > MAX_DOWNLOAD_BYTES) {
        throw new AppError(
          'invalid_input',
          `${fileName} is ${Math.round(bytes / 1e6)} MB, too large to download here. Use "Show in folder" instead.`,
        );
      }
      const format = fileName.endsWith('.xlsx') ? 'xlsx' : 'csv';
      return { fileName, mimeType: MIME[format], base64: readFileSync(path).toString('base64'), bytes };
    },
    'export.reveal': async ({ fileName }) => {
      const path = exportFile(fileName);
      return { path, revealed: await ctx.platform.revealPath(path) };
    },
  };

  return { handlers, exportToFile, exportsDir };
}

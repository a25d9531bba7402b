import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../../src-shared/errors';
import { CSV_BOM, csvLine } from '../../../src-shared/export/csv';

export type Progress = (phase: 'rows' | 'writing', done: number) => void;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Streams rows to disk: only one chunk of rows is ever in memory. */
export async function writeCsv(path: string, header: string[], chunks: Iterable<string[][]>, progress: Progress): Promise<number> {
  const out = createWriteStream(path, { encoding: 'utf8' });
  const failed = once(out, 'error').then(([e]) => {
    throw e;
  });
  failed.catch(() => undefined);
  const write = async (text: string) => {
    if (!out.write(text)) await Promise.race([once(out, 'drain'), failed]);
  };
  let rows = 0;
  try {
    await write(CSV_BOM + csvLine(header));
    for (const chunk of chunks) {
      await write(chunk.map(csvLine).join(''));
      rows += chunk.length;
      progress('rows', rows);
      await yieldToEventLoop();
    }
    out.end();
    await Promise.race([once(out, 'finish'), failed]);
  } finally {
    out.destroy();
  }
  return rows;
}

/** Excel's hard limit per cell; SheetJS refuses longer text, so say which row it is instead. */
const XLSX_MAX_CELL = 32_767;

/**
 * SheetJS holds the whole sheet in memory and writes it in one synchronous call that takes seconds
 * for 100k leads, which would freeze every window if it ran on the main thread. So the sheet is built
 * and written in a worker thread: the main thread reads chunks from SQLite and hands them over, one
 * chunk in flight at a time (the worker acknowledges each), so neither side queues up rows.
 * The worker is plain CommonJS given as source text, so it runs the same under tsx, vitest and the
 * bundled app; it loads the `xlsx` package resolved here.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const XLSX = require(workerData.xlsxPath);
const ws = XLSX.utils.aoa_to_sheet([workerData.header], { dense: true });
parentPort.on('message', (m) => {
  try {
    if (m.type === 'rows') {
      XLSX.utils.sheet_add_aoa(ws, m.rows, { origin: -1 });
      parentPort.postMessage({ type: 'ack' });
    } else if (m.type === 'finish') {
      const wb = XLSX.utils.book_new();
      XLSX.utils.book_append_sheet(wb, ws, workerData.sheetName);
      XLSX.writeFile(wb, workerData.path, { bookType: 'xlsx', compression: true });
      parentPort.postMessage({ type: 'done' });
    }
  } catch (e) {
    parentPort.postMessage({ type: 'error', message: e && e.message ? e.message : String(e) });
  }
});
`;

type WorkerReply = { type: 'ack' } | { type: 'done' } | { type: 'error'; message: string };

export async function writeXlsx(
  path: string,
  header: string[],
  chunks: Iterable<string[][]>,
  progress: Progress,
  sheetName = 'Leads',
): Promise<number> {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { xlsxPath: require.resolve('xlsx'), header, path, sheetName },
  });
  let pending: { resolve: (r: WorkerReply) => void; reject: (e: Error) => void } | null = null;
  let crashed: Error | null = null;
  worker.on('message', (m: WorkerReply) => pending?.resolve(m));
  worker.on('error', (e) => {
    crashed = e;
    pending?.reject(e);
  });
  const send = (msg: unknown): Promise<WorkerReply> =>
    new Promise((resolve, reject) => {
      if (crashed) return reject(crashed);
      pending = { resolve, reject };
      worker.postMessage(msg);
    }).then((reply) => {
      const r = reply as WorkerReply;
      if (r.type === 'error') throw new AppError('internal', `Writing the Excel file failed: ${r.message}`);
      return r;
    });
  let rows = 0;
  try {
    for (const chunk of chunks) {
      for (let i = 0; i < chunk.length; i++) {
        const cells = chunk[i] ?? [];
        const c = cells.findIndex((v) => v.length > XLSX_MAX_CELL);
        if (c >= 0) {
          throw new AppError(
            'invalid_input',
            `Row ${rows + i + 1}, column "${header[c]}" has ${cells[c]?.length} characters; Excel cells hold at most ${XLSX_MAX_CELL}. Shorten that text or export as CSV.`,
          );
        }
      }
      await send({ type: 'rows', rows: chunk });
      rows += chunk.length;
      progress('rows', rows);
    }
    progress('writing', rows);
    await send({ type: 'finish' });
    return rows;
  } finally {
    await worker.terminate();
  }
}

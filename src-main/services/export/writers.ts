import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { CSV_BOM, csvLine } from '../../../src-shared/export/csv';
import { yieldToEventLoop } from '../../app/event-loop';

export type Progress = (phase: 'rows' | 'writing', done: number) => void;

/** Streams rows to disk: only one chunk of rows is ever in memory. */
export async function writeCsv(
  path: string,
  header: string[],
  chunks: Iterable<string[][]>,
  progress: Progress,
): Promise<number> {
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

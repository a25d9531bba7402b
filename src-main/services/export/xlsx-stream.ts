import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { crc32, createDeflateRaw, deflateRawSync, type ZlibOptions } from 'node:zlib';
import { AppError } from '../../../src-shared/errors';
import {
  columnLetterList,
  columnWidths,
  rowXml,
  SHEET_END,
  sheetStart,
  staticParts,
} from '../../../src-shared/export/xlsx-xml';
import type { Progress } from './writers';
import { yieldToEventLoop } from '../../app/event-loop';

/**
 * Streams an .xlsx to disk: the sheet XML is produced a chunk of rows at a time and deflated by zlib
 * on the thread pool, so memory stays at one chunk and the main thread only builds strings between
 * yields. SheetJS (which tests use to read the files back) needs the whole sheet in memory and one
 * synchronous write: at 100k leads that measured 26 s and 2 GB RSS, against targets of 10 s and 1 GB.
 */

/** Excel's hard limit per cell. */
export const XLSX_MAX_CELL = 32_767;

/** Rows whose text sizes the columns: the first ones, as the sheet's start is written before the rest. */
const WIDTH_SAMPLE_ROWS = 500;

interface Entry {
  name: Buffer;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

const DEFLATE = 8;
const FLAG_DESCRIPTOR = 0x0008;
const FLAG_UTF8 = 0x0800;
// Fixed DOS timestamp (1980-01-01): the content, not the clock, decides the bytes.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
// Fastest deflate: at 100k leads level 1 keeps the export well inside its time budget, and sheet XML
// still shrinks about fivefold.
const LEVEL = 1;

function localHeader(name: Buffer, flags: number, crc: number, csize: number, size: number): Buffer {
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(flags, 6);
  h.writeUInt16LE(DEFLATE, 8);
  h.writeUInt16LE(DOS_TIME, 10);
  h.writeUInt16LE(DOS_DATE, 12);
  h.writeUInt32LE(crc, 14);
  h.writeUInt32LE(csize, 18);
  h.writeUInt32LE(size, 22);
  h.writeUInt16LE(name.length, 26);
  h.writeUInt16LE(0, 28);
  return Buffer.concat([h, name]);
}

function centralHeader(e: Entry, flags: number): Buffer {
  const h = Buffer.alloc(46);
  h.writeUInt32LE(0x02014b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(20, 6);
  h.writeUInt16LE(flags, 8);
  h.writeUInt16LE(DEFLATE, 10);
  h.writeUInt16LE(DOS_TIME, 12);
  h.writeUInt16LE(DOS_DATE, 14);
  h.writeUInt32LE(e.crc, 16);
  h.writeUInt32LE(e.compressedSize, 20);
  h.writeUInt32LE(e.size, 24);
  h.writeUInt16LE(e.name.length, 28);
  h.writeUInt32LE(e.offset, 42);
  return Buffer.concat([h, e.name]);
}

function endOfCentralDirectory(count: number, size: number, offset: number): Buffer {
  const h = Buffer.alloc(22);
  h.writeUInt32LE(0x06054b50, 0);
  h.writeUInt16LE(count, 8);
  h.writeUInt16LE(count, 10);
  h.writeUInt32LE(size, 12);
  h.writeUInt32LE(offset, 16);
  return h;
}

class ZipOut {
  private offset = 0;
  readonly entries: Array<{ entry: Entry; flags: number }> = [];
  private failure: Promise<never>;

  constructor(private readonly out: WriteStream) {
    this.failure = once(out, 'error').then(([e]) => {
      throw e;
    });
    this.failure.catch(() => undefined);
  }

  async write(buf: Buffer): Promise<void> {
    this.offset += buf.length;
    if (!this.out.write(buf)) await Promise.race([once(this.out, 'drain'), this.failure]);
  }

  async addSmall(name: string, text: string): Promise<void> {
    const data = Buffer.from(text, 'utf8');
    const packed = deflateRawSync(data, { level: LEVEL });
    const nameBuf = Buffer.from(name, 'utf8');
    const entry: Entry = {
      name: nameBuf,
      crc: crc32(data),
      compressedSize: packed.length,
      size: data.length,
      offset: this.offset,
    };
    await this.write(localHeader(nameBuf, FLAG_UTF8, entry.crc, packed.length, data.length));
    await this.write(packed);
    this.entries.push({ entry, flags: FLAG_UTF8 });
  }

  /** An entry whose size is not known up front: sizes and CRC follow the data in a descriptor. */
  async addStreamed(
    name: string,
    produce: (push: (text: string) => Promise<void>) => Promise<void>,
  ): Promise<void> {
    const nameBuf = Buffer.from(name, 'utf8');
    const flags = FLAG_UTF8 | FLAG_DESCRIPTOR;
    const entry: Entry = { name: nameBuf, crc: 0, compressedSize: 0, size: 0, offset: this.offset };
    await this.write(localHeader(nameBuf, flags, 0, 0, 0));
    // A deep input buffer lets the main thread build the next rows while zlib compresses the previous
    // ones on the thread pool; with the 16 KB default each chunk waited for its own compression.
    // zlib hands its options to the underlying Transform stream; @types/node does not list highWaterMark.
    const options: ZlibOptions & { highWaterMark: number } = {
      level: LEVEL,
      chunkSize: 256 << 10,
      highWaterMark: 8 << 20,
    };
    const deflate = createDeflateRaw(options);
    const pumped = (async () => {
      for await (const chunk of deflate) {
        const b = chunk as Buffer;
        entry.compressedSize += b.length;
        await this.write(b);
      }
    })();
    const push = async (text: string) => {
      const data = Buffer.from(text, 'utf8');
      entry.crc = crc32(data, entry.crc);
      entry.size += data.length;
      if (!deflate.write(data)) await Promise.race([once(deflate, 'drain'), this.failure]);
    };
    try {
      await produce(push);
      deflate.end();
      await pumped;
    } catch (e) {
      deflate.destroy();
      await pumped.catch(() => undefined);
      throw e;
    }
    if (entry.size > 0xffffffff || this.offset > 0xffffffff) {
      throw new AppError(
        'invalid_input',
        'This export is larger than 4 GB, more than an .xlsx file can hold here. Export as CSV instead.',
      );
    }
    const d = Buffer.alloc(16);
    d.writeUInt32LE(0x08074b50, 0);
    d.writeUInt32LE(entry.crc, 4);
    d.writeUInt32LE(entry.compressedSize, 8);
    d.writeUInt32LE(entry.size, 12);
    await this.write(d);
    this.entries.push({ entry, flags });
  }

  async finish(): Promise<void> {
    const start = this.offset;
    for (const { entry, flags } of this.entries) await this.write(centralHeader(entry, flags));
    await this.write(endOfCentralDirectory(this.entries.length, this.offset - start, start));
    this.out.end();
    await Promise.race([once(this.out, 'finish'), this.failure]);
  }
}

export async function writeXlsx(
  path: string,
  header: string[],
  chunks: Iterable<string[][]>,
  progress: Progress,
  sheetName = 'Leads',
): Promise<number> {
  const out = createWriteStream(path);
  const zip = new ZipOut(out);
  let rows = 0;
  try {
    for (const part of staticParts(sheetName)) await zip.addSmall(part.name, part.xml);
    await zip.addStreamed('xl/worksheets/sheet1.xml', async (push) => {
      const letters = columnLetterList(header.length);
      let started = false;
      // The sheet's start holds the columns' widths: the first chunk's rows size them.
      const start = async (sample: readonly string[][]): Promise<void> => {
        started = true;
        await push(sheetStart(columnWidths(header, sample)) + rowXml(1, header, letters, true));
      };
      for (const chunk of chunks) {
        if (!started) await start(chunk.slice(0, WIDTH_SAMPLE_ROWS));
        let xml = '';
        for (const cells of chunk) {
          const c = cells.findIndex((v) => v.length > XLSX_MAX_CELL);
          if (c >= 0) {
            throw new AppError(
              'invalid_input',
              `Row ${rows + 2}, column "${header[c]}" has ${cells[c]?.length} characters; Excel cells hold at most ${XLSX_MAX_CELL}. Shorten that text or export as CSV.`,
            );
          }
          rows++;
          xml += rowXml(rows + 1, cells, letters);
        }
        await push(xml);
        progress('rows', rows);
        await yieldToEventLoop();
      }
      if (!started) await start([]);
      progress('writing', rows);
      await push(SHEET_END);
    });
    await zip.finish();
    return rows;
  } finally {
    out.destroy();
  }
}

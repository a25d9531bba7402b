/*
 * Reads a ZIP archive's central directory without inflating anything, so a
 * zip bomb is refused before SheetJS (which inflates every entry eagerly)
 * ever sees it.
 *
 * Limit: the check trusts the sizes the archive declares, after verifying
 * they are physically possible for deflate (at most ~1032:1). An archive that
 * under-declares its sizes can still inflate up to that ratio; in the app
 * the read runs in a Web Worker, so such a file costs the worker, not the UI.
 */
import { ReadError, formatBytes, formatCount } from './errors';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
}

export interface ZipDirectory {
  entries: ZipEntry[];
  totalUncompressed: number;
}

const EOCD_SIG = 0x06054b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const ZIP64_EOCD_SIG = 0x06064b50;
const CDH_SIG = 0x02014b50;
const MAX_COMMENT = 0xffff;
const MAX_ENTRIES = 20_000;
/** Deflate cannot exceed ~1032:1; a declared ratio beyond this is a lie. */
const IMPOSSIBLE_RATIO = 1100;
/** Real sheet XML compresses 5–50:1; only large entries are held to this. */
const SUSPICIOUS_RATIO = 250;
const RATIO_CHECK_MIN_BYTES = 16 * 1024 * 1024;

function corrupt(detail: string): ReadError {
  return new ReadError(
    'corrupt',
    'This workbook is damaged or incomplete (it may have been cut off while downloading). Open it in Excel and save it again, or export it as CSV.',
    detail,
  );
}

function bomb(detail: string): ReadError {
  return new ReadError(
    'zip_bomb',
    'This file expands to far more data than a lead list should (it looks like a "zip bomb"), so it was not opened. If it is a real workbook, save it as CSV and import that.',
    detail,
  );
}

function findEocd(view: DataView): number {
  const len = view.byteLength;
  const stop = Math.max(0, len - 22 - MAX_COMMENT);
  for (let i = len - 22; i >= stop; i--) {
    if (view.getUint32(i, true) === EOCD_SIG) return i;
  }
  return -1;
}

function decodeName(bytes: Uint8Array, utf8: boolean): string {
  if (utf8) return new TextDecoder('utf-8').decode(bytes);
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]!);
  return s;
}

/** Reads 64-bit little-endian as a Number; sizes beyond 2^53 are absurd anyway. */
function u64(view: DataView, off: number): number {
  return view.getUint32(off, true) + view.getUint32(off + 4, true) * 0x1_0000_0000;
}

export function inspectZip(bytes: Uint8Array, maxInflatedBytes: number): ZipDirectory {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 22) throw corrupt('zip shorter than an end-of-central-directory record');
  const eocd = findEocd(view);
  if (eocd < 0) throw corrupt('no end-of-central-directory record');

  let count = view.getUint16(eocd + 10, true);
  let cdSize = view.getUint32(eocd + 12, true);
  let cdOffset = view.getUint32(eocd + 16, true);

  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || view.getUint32(loc, true) !== ZIP64_LOCATOR_SIG) throw corrupt('zip64 locator missing');
    const z64 = u64(view, loc + 8);
    if (z64 + 56 > bytes.byteLength || view.getUint32(z64, true) !== ZIP64_EOCD_SIG) {
      throw corrupt('zip64 end-of-central-directory record missing');
    }
    count = u64(view, z64 + 32);
    cdSize = u64(view, z64 + 40);
    cdOffset = u64(view, z64 + 48);
  }

  if (count > MAX_ENTRIES) throw bomb(`${count} entries`);
  if (cdOffset + cdSize > bytes.byteLength) throw corrupt('central directory beyond end of file');

  const entries: ZipEntry[] = [];
  let total = 0;
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.byteLength || view.getUint32(p, true) !== CDH_SIG) {
      throw corrupt(`central directory entry ${i} malformed`);
    }
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    let compressedSize = view.getUint32(p + 20, true);
    let uncompressedSize = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const nameStart = p + 46;
    const extraStart = nameStart + nameLen;
    const next = extraStart + extraLen + commentLen;
    if (next > bytes.byteLength) throw corrupt(`central directory entry ${i} truncated`);
    const name = decodeName(bytes.subarray(nameStart, extraStart), (flags & 0x0800) !== 0);

    if (uncompressedSize === 0xffffffff || compressedSize === 0xffffffff) {
      // ZIP64 extra field: only the fields that overflowed are present, in this order.
      let q = extraStart;
      const end = extraStart + extraLen;
      while (q + 4 <= end) {
        const id = view.getUint16(q, true);
        const size = view.getUint16(q + 2, true);
        if (id === 0x0001) {
          let f = q + 4;
          if (uncompressedSize === 0xffffffff && f + 8 <= q + 4 + size) {
            uncompressedSize = u64(view, f);
            f += 8;
          }
          if (compressedSize === 0xffffffff && f + 8 <= q + 4 + size) compressedSize = u64(view, f);
          break;
        }
        q += 4 + size;
      }
    }

    if (method === 0 && uncompressedSize > compressedSize) {
      throw bomb(`${name}: stored entry declares ${uncompressedSize} > ${compressedSize} bytes`);
    }
    if (method !== 0 && uncompressedSize > compressedSize * IMPOSSIBLE_RATIO + 1024) {
      throw bomb(`${name}: declared ratio beyond what deflate can produce`);
    }
    if (uncompressedSize >= RATIO_CHECK_MIN_BYTES && uncompressedSize > compressedSize * SUSPICIOUS_RATIO) {
      throw bomb(`${name}: ${formatBytes(uncompressedSize)} from ${formatBytes(compressedSize)}`);
    }
    total += uncompressedSize;
    if (total > maxInflatedBytes) {
      throw bomb(
        `entries inflate past ${formatBytes(maxInflatedBytes)} (${formatCount(i + 1)} entries read)`,
      );
    }
    entries.push({ name, method, compressedSize, uncompressedSize });
    p = next;
  }
  return { entries, totalUncompressed: total };
}

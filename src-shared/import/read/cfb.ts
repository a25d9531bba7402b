/*
 * Lists the stream names of an OLE compound file (CFB) — the container of
 * legacy .xls files and of password-protected .xlsx/.xlsm files — by walking
 * its directory sectors. Nothing is decompressed or decrypted.
 */

export const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;

const END_OF_CHAIN = 0xfffffffe;
const MAX_SECTOR_ID = 0xfffffffa;

/** Stream and storage names, or null when the header or directory is unreadable. */
export function listCfbNames(bytes: Uint8Array): string[] | null {
  if (bytes.byteLength < 512) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shift = view.getUint16(0x1e, true);
  if (shift !== 9 && shift !== 12) return null;
  const sectorSize = 1 << shift;
  const sectorCount = Math.floor(bytes.byteLength / sectorSize) - 1;
  const sectorOffset = (id: number): number => (id + 1) * sectorSize;
  const valid = (id: number): boolean => id <= MAX_SECTOR_ID && id < sectorCount;

  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const id = view.getUint32(0x4c + i * 4, true);
    if (valid(id)) fatSectors.push(id);
  }
  let difat = view.getUint32(0x44, true);
  const perDifat = sectorSize / 4 - 1;
  for (let guard = 0; valid(difat) && guard < sectorCount; guard++) {
    const base = sectorOffset(difat);
    for (let i = 0; i < perDifat; i++) {
      const id = view.getUint32(base + i * 4, true);
      if (valid(id)) fatSectors.push(id);
    }
    difat = view.getUint32(base + perDifat * 4, true);
  }

  const perFat = sectorSize / 4;
  const nextSector = (id: number): number => {
    const fatIndex = Math.floor(id / perFat);
    const fatSector = fatSectors[fatIndex];
    if (fatSector === undefined) return END_OF_CHAIN;
    return view.getUint32(sectorOffset(fatSector) + (id % perFat) * 4, true);
  };

  const names: string[] = [];
  let dir = view.getUint32(0x30, true);
  for (let guard = 0; valid(dir) && guard < sectorCount; guard++) {
    const base = sectorOffset(dir);
    for (let e = 0; e < sectorSize / 128; e++) {
      const entry = base + e * 128;
      const type = bytes[entry + 66];
      if (type !== 1 && type !== 2 && type !== 5) continue;
      const nameBytes = Math.min(view.getUint16(entry + 64, true), 64);
      let name = '';
      for (let i = 0; i + 1 < nameBytes - 1; i += 2)
        name += String.fromCharCode(view.getUint16(entry + i, true));
      names.push(name);
    }
    dir = nextSector(dir);
  }
  return names.length > 0 ? names : null;
}

// Draws the LeadPrep app icon (an envelope with a check badge on an indigo tile) from vector shapes and
// writes resources/icon.png (1024), resources/icons/<n>x<n>.png (Linux), resources/icon.ico (Windows)
// and resources/icon.icns (macOS). Pure Node (zlib + a small PNG encoder): `node scripts/make-icons.mjs`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'resources');

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// Signed distances in a unit square (0..1); negative inside.
const roundedRect = (x, y, cx, cy, hw, hh, r) => {
  const qx = Math.abs(x - cx) - hw + r;
  const qy = Math.abs(y - cy) - hh + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
};
const segment = (x, y, ax, ay, bx, by) => {
  const px = x - ax,
    py = y - ay,
    dx = bx - ax,
    dy = by - ay;
  const h = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - dx * h, py - dy * h);
};

const INDIGO = [79, 70, 229];
const WHITE = [255, 255, 255];
const GREEN = [22, 163, 74];

/** Layers from bottom to top: [coverage test, colour]. */
function layers(x, y) {
  const stroke = 0.035;
  const env = Math.abs(roundedRect(x, y, 0.47, 0.52, 0.27, 0.19, 0.04)) - stroke / 2;
  const flap =
    Math.min(segment(x, y, 0.22, 0.36, 0.47, 0.55), segment(x, y, 0.47, 0.55, 0.72, 0.36)) - stroke / 2;
  const badge = Math.hypot(x - 0.72, y - 0.7) - 0.15;
  const badgeRing = Math.hypot(x - 0.72, y - 0.7) - 0.175;
  const check =
    Math.min(segment(x, y, 0.65, 0.7, 0.7, 0.755), segment(x, y, 0.7, 0.755, 0.795, 0.64)) - 0.022;
  return [
    [roundedRect(x, y, 0.5, 0.5, 0.46, 0.46, 0.2), INDIGO],
    [Math.min(env, flap), WHITE],
    [badgeRing, INDIGO],
    [badge, GREEN],
    [check, WHITE],
  ];
}

function render(size) {
  const ss = size >= 256 ? 3 : 4;
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const x = (px + (sx + 0.5) / ss) / size;
          const y = (py + (sy + 0.5) / ss) / size;
          let cr = 0,
            cg = 0,
            cb = 0,
            ca = 0;
          for (const [d, [lr, lg, lb]] of layers(x, y)) {
            if (d <= 0) [cr, cg, cb, ca] = [lr, lg, lb, 1];
          }
          r += cr * ca;
          g += cg * ca;
          b += cb * ca;
          a += ca;
        }
      }
      const i = (py * size + px) * 4;
      const n = ss * ss;
      rgba[i] = a ? Math.round(r / a) : 0;
      rgba[i + 1] = a ? Math.round(g / a) : 0;
      rgba[i + 2] = a ? Math.round(b / a) : 0;
      rgba[i + 3] = Math.round((a / n) * 255);
    }
  }
  return encodePng(size, rgba);
}

function ico(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const e = Buffer.alloc(16);
    e[0] = size >= 256 ? 0 : size; // 0 means 256
    e[1] = size >= 256 ? 0 : size;
    e.writeUInt16LE(1, 4); // planes
    e.writeUInt16LE(32, 6); // bits per pixel
    e.writeUInt32LE(png.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += png.length;
    return e;
  });
  return Buffer.concat([header, ...entries, ...images.map((i) => i.png)]);
}

// icns element types that hold PNG data, by pixel size.
const ICNS_TYPES = {
  16: 'icp4',
  32: 'icp5',
  64: 'icp6',
  128: 'ic07',
  256: 'ic08',
  512: 'ic09',
  1024: 'ic10',
};
function icns(images) {
  const elements = images.map(({ size, png }) => {
    const head = Buffer.alloc(8);
    head.write(ICNS_TYPES[size], 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + elements.reduce((n, e) => n + e.length, 0), 4);
  return Buffer.concat([head, ...elements]);
}

const sizes = [16, 32, 48, 64, 128, 256, 512, 1024];
const pngs = new Map(sizes.map((s) => [s, render(s)]));
mkdirSync(join(out, 'icons'), { recursive: true });
writeFileSync(join(out, 'icon.png'), pngs.get(1024));
for (const s of sizes.filter((s) => s <= 512))
  writeFileSync(join(out, 'icons', `${s}x${s}.png`), pngs.get(s));
writeFileSync(join(out, 'icon.ico'), ico([16, 32, 48, 256].map((size) => ({ size, png: pngs.get(size) }))));
writeFileSync(
  join(out, 'icon.icns'),
  icns([16, 32, 64, 128, 256, 512, 1024].map((size) => ({ size, png: pngs.get(size) }))),
);
console.log(`Icons written to ${out}`);

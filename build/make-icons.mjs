// Draws the app's icons with code, so they can be remade without an image editor:
//   build/icon.png      the app icon, 512x512 (electron-builder makes .icns/.ico from it);
//   build/report.icns   the .upr document icon for macOS (PNG entries 128, 256, 512);
//   build/report.ico    the .upr document icon for Windows (PNG entries 16 to 256).
// Run: npx node build/make-icons.mjs
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const out = import.meta.dirname;
const UN_BLUE = [0, 158, 219];
const INK = [70, 96, 122];
const WHITE = [255, 255, 255];
const FOLD = [206, 222, 234];
const EDGE = [138, 155, 170];

function inRoundedRect(x, y, x0, y0, x1, y1, r) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** A page with its top-right corner folded; returns the colour at (x, y) or null outside it. */
function page(x, y, { x0, y0, x1, y1, fold, edge }) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return null;
  const beyondFold = x - (x1 - fold) > y - y0; // above the fold's diagonal: cut away
  if (beyondFold) return null;
  if (x > x1 - fold && y < y0 + fold) return FOLD;
  if (edge && (x < x0 + edge || x > x1 - edge || y < y0 + edge || y > y1 - edge)) return EDGE;
  return WHITE;
}

function lines(x, y, x0, ys, width, height, lastWidth) {
  return ys.some((ly, i) => y >= ly && y <= ly + height && x >= x0 && x <= x0 + (i === ys.length - 1 ? lastWidth : width));
}

/** The app icon: a report page on a blue rounded square. Coordinates are on a 512 grid. */
function appIcon(x, y) {
  if (!inRoundedRect(x, y, 24, 24, 488, 488, 100)) return null;
  const p = page(x, y, { x0: 140, y0: 96, x1: 372, y1: 416, fold: 64 });
  if (!p) return UN_BLUE;
  if (p === WHITE && lines(x, y, 176, [196, 240, 284, 328], 160, 16, 104)) return INK;
  return p;
}

/** The document icon: a page with a blue band, which reads as "a UPR report" at small sizes. */
function reportIcon(x, y) {
  const p = page(x, y, { x0: 88, y0: 24, x1: 424, y1: 488, fold: 104, edge: 10 });
  if (!p) return null;
  if (p !== WHITE) return p;
  if (y >= 332 && y <= 428 && x >= 88 && x <= 424) return UN_BLUE;
  if (lines(x, y, 136, [156, 204, 252], 240, 20, 150)) return INK;
  return p;
}

/** Renders at `size` pixels with 4x4 supersampling, as RGBA rows. */
function render(draw, size) {
  const rgba = Buffer.alloc(size * size * 4);
  const n = 4;
  const scale = 512 / size;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = draw((px + (sx + 0.5) / n) * scale, (py + (sy + 0.5) / n) * scale);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a += 1;
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        rgba[i] = Math.round(r / a);
        rgba[i + 1] = Math.round(g / a);
        rgba[i + 2] = Math.round(b / a);
        rgba[i + 3] = Math.round((255 * a) / (n * n));
      }
    }
  }
  return rgba;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(draw, size) {
  const rgba = render(draw, size);
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** An .icns made of PNG entries (accepted since macOS 10.7). */
function icns(draw) {
  const entries = [['ic07', 128], ['ic08', 256], ['ic09', 512]].map(([type, size]) => {
    const data = png(draw, size);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(data.length + 8, 4);
    return Buffer.concat([head, data]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + entries.reduce((n, e) => n + e.length, 0), 4);
  return Buffer.concat([head, ...entries]);
}

/** An .ico made of PNG entries (accepted since Windows Vista). */
function ico(draw) {
  const sizes = [16, 32, 48, 256];
  const images = sizes.map((s) => png(draw, s));
  const header = Buffer.alloc(6 + 16 * sizes.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(sizes.length, 4);
  let offset = header.length;
  sizes.forEach((s, i) => {
    const e = 6 + 16 * i;
    header.writeUInt8(s === 256 ? 0 : s, e);
    header.writeUInt8(s === 256 ? 0 : s, e + 1);
    header.writeUInt16LE(1, e + 4);
    header.writeUInt16LE(32, e + 6);
    header.writeUInt32LE(images[i].length, e + 8);
    header.writeUInt32LE(offset, e + 12);
    offset += images[i].length;
  });
  return Buffer.concat([header, ...images]);
}

fs.writeFileSync(path.join(out, 'icon.png'), png(appIcon, 512));
fs.writeFileSync(path.join(out, 'report.icns'), icns(reportIcon));
fs.writeFileSync(path.join(out, 'report.ico'), ico(reportIcon));
console.log('Wrote build/icon.png, build/report.icns and build/report.ico');

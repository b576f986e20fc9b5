// Draws the app icons (public/icons): three rising bars, "strides", on the accent colour. PNGs are
// written with zlib only (no image tools), the SVG by hand. Run once: node scripts/make-icons.mjs.
import { mkdirSync, writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const BG = [0x24, 0x56, 0xd6];
const FG = [0xff, 0xff, 0xff];
// Bars in a 100×100 box: x, width, top (all end at y = 78).
const BARS = [
  [22, 14, 58],
  [43, 14, 42],
  [64, 14, 22],
];

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** `inset`: the share of the size kept clear around the bars (maskable icons need ~10%). */
function png(size, inset) {
  const raw = Buffer.alloc(size * (size * 3 + 1));
  const scale = (size * (1 - 2 * inset)) / 100;
  const off = size * inset;
  for (let y = 0; y < size; y++) {
    raw[y * (size * 3 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const u = (x + 0.5 - off) / scale;
      const v = (y + 0.5 - off) / scale;
      const on = BARS.some(([bx, bw, top]) => u >= bx && u < bx + bw && v >= top && v < 78);
      const [r, g, b] = on ? FG : BG;
      const i = y * (size * 3 + 1) + 1 + x * 3;
      raw[i] = r;
      raw[i + 1] = g;
      raw[i + 2] = b;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const dir = new URL("../public/icons/", import.meta.url);
mkdirSync(dir, { recursive: true });
writeFileSync(new URL("icon-192.png", dir), png(192, 0));
writeFileSync(new URL("icon-512.png", dir), png(512, 0));
writeFileSync(new URL("icon-maskable-512.png", dir), png(512, 0.1));
const hex = (c) => `#${c.map((x) => x.toString(16).padStart(2, "0")).join("")}`;
writeFileSync(
  new URL("icon.svg", dir),
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><title>Strides</title><rect width="100" height="100" rx="18" fill="${hex(BG)}"/>${BARS.map(([x, w, top]) => `<rect x="${x}" y="${top}" width="${w}" height="${78 - top}" fill="${hex(FG)}"/>`).join("")}</svg>\n`,
);

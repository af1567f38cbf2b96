#!/usr/bin/env node
/**
 * Draws the add-in's icons (assets/icon-16/32/64/80.png and logo-filled.png) with Node alone:
 * shapes are described as coverage functions, sampled 8×8 per pixel for anti-aliasing, and written by
 * a tiny zlib-based PNG encoder. Design: a red party-badge square with rounded corners, three gold score
 * bars rising left to right, and a white check mark over them — "scores, assessed".
 *
 *   node scripts/make-icons.js        # rewrites the PNGs (deterministic: same bytes every run)
 */
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

// ---- PNG encoder (RGBA, 8-bit, no interlace) ----
const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---- Shapes in a unit square (0..1), y downwards ----
function roundedRect(x0, y0, x1, y1, r) {
  return (x, y) => {
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r && x >= x0 && x <= x1 && y >= y0 && y <= y1;
  };
}
function segment(ax, ay, bx, by, halfWidth) {
  return (x, y) => {
    const dx = bx - ax, dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    const px = ax + t * dx - x, py = ay + t * dy - y;
    return px * px + py * py <= halfWidth * halfWidth;
  };
}
function union(...fs) {
  return (x, y) => fs.some((f) => f(x, y));
}

const RED = [200, 16, 46]; // party red
const DARK_RED = [150, 8, 30];
const GOLD = [255, 205, 0];
const WHITE = [255, 255, 255];

/** Layers, bottom to top: [coverage(x,y), [r,g,b]]. Small sizes drop detail to stay legible. */
function layers(size) {
  const small = size <= 16;
  const badge = roundedRect(0.03, 0.03, 0.97, 0.97, small ? 0.14 : 0.18);
  const inner = roundedRect(0.09, 0.09, 0.91, 0.91, small ? 0.1 : 0.13);
  const barW = small ? 0.17 : 0.14;
  const bars = union(
    roundedRect(0.18, 0.62, 0.18 + barW, 0.84, 0.03),
    roundedRect(0.18 + barW + 0.06, 0.48, 0.18 + 2 * barW + 0.06, 0.84, 0.03),
    roundedRect(0.18 + 2 * barW + 0.12, 0.32, 0.18 + 3 * barW + 0.12, 0.84, 0.03),
  );
  const w = small ? 0.075 : 0.06;
  const check = union(segment(0.3, 0.38, 0.46, 0.54, w), segment(0.46, 0.54, 0.8, 0.16, w));
  const checkShadow = union(segment(0.3, 0.41, 0.46, 0.57, w * 1.45), segment(0.46, 0.57, 0.8, 0.19, w * 1.45));
  const out = [[badge, DARK_RED]];
  out.push([inner, RED]);
  out.push([bars, GOLD]);
  if (!small) out.push([checkShadow, DARK_RED]);
  out.push([check, WHITE]);
  return out;
}

function render(size) {
  const S = 8; // samples per axis
  const ls = layers(size);
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const x = (px + (sx + 0.5) / S) / size;
          const y = (py + (sy + 0.5) / S) / size;
          let col = null;
          for (const [f, c] of ls) if (f(x, y)) col = c;
          if (col) {
            r += col[0];
            g += col[1];
            b += col[2];
            a += 1;
          }
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        rgba[i] = Math.round(r / a);
        rgba[i + 1] = Math.round(g / a);
        rgba[i + 2] = Math.round(b / a);
        rgba[i + 3] = Math.round((255 * a) / (S * S));
      }
    }
  }
  return encodePng(size, size, rgba);
}

function main() {
  const dir = path.join(__dirname, '..', 'assets');
  fs.mkdirSync(dir, { recursive: true });
  for (const size of [16, 32, 64, 80]) fs.writeFileSync(path.join(dir, `icon-${size}.png`), render(size));
  fs.writeFileSync(path.join(dir, 'logo-filled.png'), render(300));
  console.log('icons written to assets/');
}

if (require.main === module) main();
module.exports = { render, encodePng };

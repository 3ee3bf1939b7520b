#!/usr/bin/env node
// After `vite build`: a brotli and a gzip twin of every text file, so the api serves them precompressed
// (weak and metered connections pay for the smallest form the browser accepts, with no CPU per request).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = process.argv[2] ?? 'dist/apps/web';
const TEXT = /\.(js|css|html|svg|json|webmanifest|txt|map)$/;

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (TEXT.test(name)) yield path;
  }
}

let raw = 0;
let br = 0;
for (const path of files(root)) {
  const content = readFileSync(path);
  if (content.length < 256) continue;
  const brotli = brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length } });
  writeFileSync(`${path}.br`, brotli);
  writeFileSync(`${path}.gz`, gzipSync(content, { level: 9 }));
  raw += content.length;
  br += brotli.length;
}
process.stdout.write(`web: ${(raw / 1024).toFixed(0)} KB of text, ${(br / 1024).toFixed(0)} KB brotli\n`);

// The api's pure modules (slot computation, seat accounting) for the bare baselines: the same code, so a
// baseline differs from the platform only in the framework around it. Transpiled from the TypeScript
// sources into node_modules/.cache (where their imports, e.g. luxon, resolve).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cache = join(root, 'node_modules', '.cache', 'pendamping-bench');

async function load(source) {
  const code = ts.transpileModule(readFileSync(join(root, source), 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  mkdirSync(cache, { recursive: true });
  const file = join(cache, `${source.replaceAll('/', '_')}.mjs`);
  writeFileSync(file, code);
  return import(pathToFileURL(file).href);
}

export const { freeSlots, offeredSlots } = await load('libs/consultations/src/availability/slots.ts');
export const { SeatMap, quotasInEffect, quotasHeldUntil } = await load('libs/workshops/src/seats.ts');

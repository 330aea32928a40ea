// Runs the list readers (./parse-worker.ts) in a worker thread with a memory limit of its own.
// In the desktop app the worker is its own bundle beside the main process's; elsewhere (the CLI,
// browser mode, tests) it is the TypeScript source, loaded through tsx as the rest is.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { UserError } from '../../shared/errors.js';
import { userError } from '../../shared/messages.js';
import type { ThematicList } from './ohchr-list.js';
import type { CsvChoice, RecommendationTable } from './table-file.js';

/** The worker's heap: far above what the largest list needs (mammoth: some 700 MB for 12 MB of XML). */
const WORKER_HEAP_MB = 1536;

function entry(): { file: string | URL; execArgv: string[] } {
  // esbuild's bundle (CommonJS) has __filename; tsx's modules (ESM) have import.meta.url.
  // In the installed app it is unpacked beside the archive (electron-builder.yml, asarUnpack).
  if (typeof __filename !== 'undefined' && __filename.endsWith('.cjs')) {
    return { file: path.join(__dirname.replace(/app\.asar([\\/]|$)/, 'app.asar.unpacked$1'), 'parse-worker.cjs'), execArgv: [] };
  }
  return { file: new URL('./parse-worker.ts', import.meta.url), execArgv: ['--import', 'tsx'] };
}

function inWorker<T>(kind: 'word' | 'table', bytes: Uint8Array, name: string, heapMb: number, csv: CsvChoice = {}): Promise<T> {
  const { file, execArgv } = entry();
  return new Promise<T>((resolve, reject) => {
    const worker = new Worker(file, { workerData: { kind, bytes, name, csv }, execArgv, resourceLimits: { maxOldGenerationSizeMb: heapMb } });
    let answered = false;
    worker.once('message', (m: { ok: true; result: T } | { ok: false; error: { message: string; code: UserError['code']; keyed: UserError['translatable'] } | null }) => {
      answered = true;
      if (m.ok) resolve(m.result);
      else if (m.error) reject(new UserError(m.error.message, m.error.code, m.error.keyed));
      else reject(userError('importDamaged', { name }));
      void worker.terminate();
    });
    worker.once('error', (e: Error & { code?: string }) => {
      if (answered) return;
      answered = true;
      // Out of memory is a file far larger than a list once unpacked; anything else, one that cannot be read.
      reject(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? userError('importTooLarge', { name }) : userError(kind === 'word' ? 'importDamaged' : 'importTableDamaged', { name }));
    });
    worker.once('exit', () => {
      if (!answered) reject(userError('importTooLarge', { name }));
    });
  });
}

/** `heapMb`: the worker's memory (tests give it too little, to see that running out is said, not fatal). */
export function readThematicListInWorker(bytes: Uint8Array, name: string, heapMb = WORKER_HEAP_MB): Promise<ThematicList> {
  return inWorker('word', bytes, name, heapMb);
}

export function readRecommendationTableInWorker(bytes: Uint8Array, name: string, heapMb = WORKER_HEAP_MB, csv: CsvChoice = {}): Promise<RecommendationTable> {
  return inWorker('table', bytes, name, heapMb, csv);
}

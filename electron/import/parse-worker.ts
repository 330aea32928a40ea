// Reading a list of recommendations, in a worker thread: a file that takes more memory than any
// list should (a converter fed a crafted archive) ends the worker, never the app. Given the file's
// bytes and name, it answers with what the readers read, or the reader's message.
import { parentPort, workerData } from 'node:worker_threads';
import { isUserError } from '../../shared/errors.js';
import { readThematicList } from './ohchr-list.js';
import { readRecommendationTable } from './recommendation-table.js';
import type { CsvChoice } from './table-file.js';

interface Job {
  kind: 'word' | 'table';
  bytes: Uint8Array;
  name: string;
  csv: CsvChoice;
}

async function run(job: Job): Promise<unknown> {
  return job.kind === 'word' ? readThematicList(job.bytes, job.name) : readRecommendationTable(job.bytes, job.name, job.csv);
}

run(workerData as Job).then(
  (result) => parentPort!.postMessage({ ok: true, result }),
  (e: unknown) =>
    parentPort!.postMessage(
      isUserError(e)
        ? { ok: false, error: { message: e.message, code: e.code, keyed: e.translatable } }
        : { ok: false, error: null },
    ),
);

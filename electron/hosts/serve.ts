// `npm run serve`: browser mode. Starts the server on 127.0.0.1 with a per-run token and prints
// the address to open. With no --file it opens the demo report in the data folder, creating it on
// first run, so a newcomer sees a realistic report at once.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Host } from './host.js';
import { defaultDataDir } from '../paths.js';
import { startServer } from './server.js';
import { createDemoReport } from '../services/demo.js';
import { inspectReportFile } from '../store/open.js';
import { isUserError } from '../../shared/errors.js';
import { asUserError, logFailure } from './failures.js';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { file: { type: 'string' }, port: { type: 'string' }, 'data-dir': { type: 'string' } },
    strict: true,
  });
  const dataDir = values['data-dir'] ? path.resolve(values['data-dir']) : defaultDataDir();
  fs.mkdirSync(dataDir, { recursive: true });
  const file = values.file ? path.resolve(values.file) : path.join(dataDir, 'demo.upr');
  if (!values.file && !fs.existsSync(file)) {
    createDemoReport(file).close();
    console.log(`Created a demo report at ${file}`);
  }
  inspectReportFile(file);
  const port = values.port === undefined ? 5780 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a number from 0 to 65535`);
  const host = new Host({ dataDir });
  const staticDir = path.resolve(import.meta.dirname, '..', '..', 'dist', 'renderer');
  if (!fs.existsSync(path.join(staticDir, 'index.html'))) throw new Error('The renderer is not built; run "npm run build:renderer".');
  const server = await startServer({ host, token: randomBytes(24).toString('base64url'), staticDir, defaultReport: file, port });
  console.log(`UPR Workbench is running in browser mode with ${path.basename(file)}.`);
  console.log(`Open this address in your browser: ${server.url}`);
  const stop = async () => {
    await server.close();
    host.closeAll();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  // Every request and timer handles its own failures; one that slips through is logged, and the
  // server goes on serving the tabs that have reports open (every write is its own transaction).
  const survive = (e: unknown) => console.error(`upr: something unexpected went wrong; the details are in ${logFailure(e, dataDir)}`);
  process.on('uncaughtException', survive);
  process.on('unhandledRejection', survive);
}

main().catch((e: unknown) => {
  const msg = isUserError(e) || (e as NodeJS.ErrnoException)?.code === 'EADDRINUSE' ? (e as Error).message : asUserError(e, defaultDataDir()).message;
  const hint = (e as NodeJS.ErrnoException)?.code === 'EADDRINUSE' ? ' (that port is in use; pick another with --port N, or --port 0 for any)' : '';
  console.error(`upr: ${msg}${hint}`);
  process.exit(2);
});

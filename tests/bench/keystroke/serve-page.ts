// Figure 4's server, in a process of its own as the app's main process is: the browser-mode server
// on one report, serving the keystroke page. Run by measure-keystrokes.ts; prints the address as
// one JSON line, and stops on SIGTERM or when its parent's pipe closes. The bench's own process
// (which holds the generated report's data) thus never shares a heap or a collector with it.
//   tsx serve-page.ts REPORT PAGE_DIR DATA_DIR
import { Host } from '../../../electron/hosts/host.js';
import { startServer } from '../../../electron/hosts/server.js';

const [file, staticDir, dataDir] = process.argv.slice(2);
if (!file || !staticDir || !dataDir) {
  console.error('usage: serve-page.ts REPORT PAGE_DIR DATA_DIR');
  process.exit(2);
}
const host = new Host({ dataDir });
const server = await startServer({ host, token: 'bench-token-000000', staticDir, defaultReport: file, port: 0 });
const stop = async () => {
  await server.close();
  host.closeAll();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.stdin.on('end', () => void stop());
process.stdin.resume();
console.log(JSON.stringify({ url: server.url }));

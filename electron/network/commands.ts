// The office server from the command line:
//   upr serve-network FILE [--port N] [--host ADDR] [--cert FILE --key FILE]
//   upr invite FILE --member MEMBER
//   upr connect FILE [--server ADDRESS --invitation CODE] [--ca FILE]
// serve-network and connect run until stopped (Ctrl+C), saying in a line each time what happens.
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../../shared/errors.js';
import { formatMessage, userError, type Message } from '../../shared/messages.js';
import { defaultDataDir } from '../paths.js';
import { OpenReport } from '../store/open-report.js';
import { NetworkClient, type NetworkStatus } from './client.js';
import { issueInvitation } from './invitations.js';
import { readTls, startNetworkServer } from './server.js';
import { connectionFor, saveConnection, savedConnection } from './settings.js';
import { FileKeyStore } from '../sync/signing.js';
import { actingMember, findMember, onePath, parse, type Out } from '../hosts/cli.js';

export const NETWORK_USAGE = [
  'upr serve-network FILE [--port N] [--host ADDRESS] [--cert FILE --key FILE] [--as MEMBER]',
  'upr invite FILE --member MEMBER',
  'upr connect FILE [--server ws://HOST:PORT --invitation CODE] [--ca FILE]',
];

const say = (m: Message) => formatMessage(m.key, m.params);

/** Opens the report signing with this machine's keys (kept in the data folder, as the app keeps them). */
function openSigned(file: string): OpenReport {
  const report = OpenReport.open(file);
  if (report.log.signer) report.log.signer.store = new FileKeyStore(path.join(defaultDataDir(), 'keys'));
  return report;
}

/** Runs until SIGINT or SIGTERM, then `stop` (once). */
function untilStopped(stop: () => Promise<void>): Promise<number> {
  return new Promise((resolve) => {
    let stopping = false;
    const onSignal = () => {
      if (stopping) return;
      stopping = true;
      void stop().finally(() => {
        resolve(0);
        // Nothing left to do: whatever timer a library keeps does not hold the process.
        setTimeout(() => process.exit(0), 200).unref();
      });
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  });
}

async function serveNetwork(args: string[], io: Out): Promise<number> {
  const { values, positionals } = parse(args, { port: { type: 'string' }, host: { type: 'string' }, cert: { type: 'string' }, key: { type: 'string' }, as: { type: 'string' } });
  const file = onePath(positionals, 'serve-network');
  if (!fs.existsSync(file)) throw userError('noFile', { file });
  const port = values.port === undefined ? 5790 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UserError('--port must be a number from 0 to 65535');
  const tls = readTls(values.cert, values.key);
  const report = openSigned(file);
  try {
    // The keys offices introduce over their own connections are confirmed in the secretariat's name.
    const by = actingMember(report, values.as, 'confirm the offices’ signing keys as').id;
    const server = await startNetworkServer({ report, port, host: values.host ?? '0.0.0.0', tls, log: (line) => io.out(line), confirmKeysBy: by });
    io.out(`serving ${path.basename(file)} to the offices at ${server.url}`);
    io.out(`invite each person with: upr invite ${file} --member NAME`);
    return await untilStopped(async () => {
      await server.close();
      report.close();
      io.out('stopped; the report is saved');
    });
  } catch (e) {
    report.close();
    throw e;
  }
}

async function invite(args: string[], io: Out): Promise<number> {
  const { values, positionals } = parse(args, { member: { type: 'string' } });
  const file = onePath(positionals, 'invite');
  if (!fs.existsSync(file)) throw userError('noFile', { file });
  if (!values.member) throw new UserError('say whom the invitation is for: --member NAME');
  const report = OpenReport.open(file);
  try {
    const { code, member } = issueInvitation(report.db, findMember(report, values.member));
    io.out(`invitation for ${member.name} (one office, one computer):`);
    io.out(code);
    return 0;
  } finally {
    report.close();
  }
}

async function connect(args: string[], io: Out): Promise<number> {
  const { values, positionals } = parse(args, { server: { type: 'string' }, invitation: { type: 'string' }, ca: { type: 'string' } });
  const file = onePath(positionals, 'connect');
  if (!fs.existsSync(file)) throw userError('noFile', { file });
  const dataDir = defaultDataDir();
  const report = openSigned(file);
  let client: NetworkClient;
  try {
    const reportId = report.db.prepare("SELECT value FROM meta WHERE key = 'report_id'").pluck().get() as string;
    const saved = savedConnection(dataDir, reportId);
    const address = values.server ?? saved?.address;
    const code = values.invitation ?? saved?.invitation;
    if (!address || !code) throw userError('networkNoInvitation');
    let ca = saved?.ca ?? null;
    if (values.ca) {
      try {
        ca = fs.readFileSync(values.ca, 'utf8');
      } catch {
        throw userError('networkTlsUnreadable', { file: values.ca });
      }
    }
    const settings = connectionFor(dataDir, reportId, address, code, ca);
    saveConnection(dataDir, reportId, settings);
    let said = '';
    client = new NetworkClient(report, settings, {
      onStatus: (s) => {
        const line = describeStatus(s);
        if (line !== said) io.out((said = line));
        if (s.kind === 'refused') process.kill(process.pid, 'SIGTERM');
      },
    });
    client.start();
  } catch (e) {
    report.close();
    throw e;
  }
  return untilStopped(async () => {
    await client.stop();
    report.close();
  });
}

/** A status in a line, as the status bar says it. */
export function describeStatus(s: NetworkStatus): string {
  const waiting = s.waiting ? `, ${s.waiting} change(s) waiting` : '';
  switch (s.kind) {
    case 'connecting':
      return `connecting to ${s.address}${waiting}`;
    case 'connected':
      return `connected to ${s.address} as ${s.member.name}${waiting}${s.problem ? `: ${say(s.problem)}` : ''}`;
    case 'offline':
      return `offline${waiting}: ${say(s.problem)}`;
    case 'refused':
      return `not connected: ${say(s.problem)}`;
  }
}

export const NETWORK_COMMANDS: Record<string, (args: string[], io: Out) => Promise<number>> = {
  'serve-network': serveNetwork,
  invite,
  connect,
};

// The office network server from an office's app: "Connect to the office server…" with an address
// and the invitation the secretariat gave, the connection's state (connected as whom, offline with
// how many changes waiting, refused and why), and disconnecting. The client (electron/network/
// client.ts) keeps this report file in step with the server through the merge path; it runs in the
// main process (or browser mode's server), one per open report, and stops when the report closes.
import type { NetworkState, ParsedInput, Result } from '../../shared/api.js';
import { NetworkClient, type NetworkStatus } from '../network/client.js';
import { connectionFor, saveConnection } from '../network/settings.js';
import { defaultDataDir } from '../paths.js';
import type { OpenReport } from '../store/open-report.js';
import type { ServiceContext } from './context.js';

const clients = new WeakMap<OpenReport, NetworkClient>();

function stateOf(s: NetworkStatus): NetworkState {
  return {
    kind: s.kind,
    address: s.address,
    member: s.kind === 'connected' ? s.member.name : null,
    waiting: s.waiting,
    problem: s.problem ? { key: s.problem.key, params: (s.problem.params ?? {}) as Record<string, string | number> } : null,
  };
}

export function networkStatus(ctx: ServiceContext): Result<'network.status'> {
  const client = clients.get(ctx.report);
  return client ? stateOf(client.status) : null;
}

export async function connectNetwork(ctx: ServiceContext, input: ParsedInput<'network.connect'>): Promise<Result<'network.connect'>> {
  const report = ctx.report;
  const reportId = report.db.prepare("SELECT value FROM meta WHERE key = 'report_id'").pluck().get() as string;
  const dataDir = ctx.dataDir ?? defaultDataDir();
  // The address is checked (ws:// or wss://) before anything is kept; the office's key for an
  // invitation is kept with it in the data folder, never in the report.
  const settings = connectionFor(dataDir, reportId, input.address, input.invitation, null);
  await clients.get(report)?.stop();
  saveConnection(dataDir, reportId, settings);
  const client = new NetworkClient(report, settings, {
    onStatus: () => report.emit({ kind: 'changed', what: ['network'] }),
    onTaken: () => report.emit({ kind: 'changed', what: ['report', 'organizations', 'members', 'sections', 'words', 'comments', 'recommendations', 'inputs'] }),
  });
  clients.set(report, client);
  const off = report.on((event) => {
    if (event.kind === 'closed') {
      off();
      void client.stop();
    }
  });
  client.start();
  return stateOf(client.status);
}

export async function disconnectNetwork(ctx: ServiceContext): Promise<Result<'network.disconnect'>> {
  const client = clients.get(ctx.report);
  clients.delete(ctx.report);
  await client?.stop();
  ctx.report.emit({ kind: 'changed', what: ['network'] });
  return null;
}


// The office network server from the app. An office's side: "Connect to the office server…" with
// an address and the invitation the secretariat gave, the connection's state (connected as whom,
// offline with how many changes waiting, refused and why), and disconnecting. The client
// (electron/network/client.ts) keeps this report file in step with the server through the merge
// path; it runs in the main process (or browser mode's server), one per open report, and stops when
// the report closes. The secretariat's side (serving, inviting) is further down; both pass on where
// the others connected are (`presence`), which the editor draws as their carets.
import os from 'node:os';
import type { NetworkState, ParsedInput, PeerPresence, Result, ServingState } from '../../shared/api.js';
import { isUserError } from '../../shared/errors.js';
import { userError } from '../../shared/messages.js';
import { NetworkClient, type NetworkStatus } from '../network/client.js';
import type { Peer } from '../network/presence.js';
import { issueInvitation } from '../network/invitations.js';
import { startNetworkServer, type NetworkServer } from '../network/server.js';
import { connectionFor, saveConnection } from '../network/settings.js';
import { defaultDataDir } from '../paths.js';
import type { OpenReport } from '../store/open-report.js';
import type { ServiceContext } from './context.js';

const clients = new WeakMap<OpenReport, NetworkClient>();
const servers = new WeakMap<OpenReport, NetworkServer>();

/** Per report: connected or served (`live`), and the others connected, as the windows were last told. */
const presence = new WeakMap<OpenReport, { live: boolean; peers: PeerPresence[] }>();

function tellPresence(report: OpenReport, live: boolean, peers: readonly Peer[] | null): void {
  const now = { live, peers: live ? (peers ? peers.map(presenceOf) : (presence.get(report)?.peers ?? [])) : [] };
  presence.set(report, now);
  report.emit({ kind: 'presence', ...now });
}

export function peersNow(ctx: ServiceContext): Result<'network.peers'> {
  return presence.get(ctx.report) ?? { live: false, peers: [] };
}

/** Runs `stop` once, when the report closes (the connection or the server stops with it). */
function whenClosed(report: OpenReport, stop: () => Promise<void>): void {
  const off = report.on((event) => {
    if (event.kind !== 'closed') return;
    off();
    void stop();
  });
}

function presenceOf(p: Peer): PeerPresence {
  return { clientId: p.clientId, memberId: p.member.id, name: p.member.name, sectionId: p.section, anchor: p.anchor, focus: p.focus, focusing: p.focusing };
}

/** Per report: where its rows stood when it connected (the change log's newest stamp, the text's last row). */
const connectedAt = new WeakMap<OpenReport, { hlc: string; seq: number }>();

/**
 * Rows this session stored since connecting by others than the member the connection acts as: a
 * connection carries its own person's changes only, so theirs wait for a copy or a packet.
 */
function othersSince(report: OpenReport, client: NetworkClient): number {
  const me = client.actsAs;
  const at = connectedAt.get(report);
  if (!me || !at || report.isClosed) return 0;
  const changes = report.db.prepare("SELECT count(*) FROM change_log WHERE hlc > ? AND replica = ? AND author NOT IN (?, '')").pluck().get(at.hlc, report.replica, me.id) as number;
  const texts = report.db.prepare("SELECT count(*) FROM section_updates WHERE seq > ? AND replica = ? AND author NOT IN (?, '')").pluck().get(at.seq, report.replica, me.id) as number;
  return changes + texts;
}

function stateOf(s: NetworkStatus, client: NetworkClient | null = null): NetworkState {
  return {
    kind: s.kind,
    address: s.address,
    member: s.kind === 'connected' ? s.member.name : null,
    waiting: s.waiting,
    others: client ? othersSince(client.report, client) : 0,
    actsAs: client?.actsAs?.name ?? null,
    problem: s.problem ? { key: s.problem.key, params: (s.problem.params ?? {}) as Record<string, string | number> } : null,
  };
}

export function networkStatus(ctx: ServiceContext): Result<'network.status'> {
  const client = clients.get(ctx.report);
  return client ? stateOf(client.status, client) : null;
}

export async function connectNetwork(ctx: ServiceContext, input: ParsedInput<'network.connect'>): Promise<Result<'network.connect'>> {
  const report = ctx.report;
  const reportId = report.db.prepare("SELECT value FROM meta WHERE key = 'report_id'").pluck().get() as string;
  const dataDir = ctx.dataDir ?? defaultDataDir();
  // The address is checked (ws:// or wss://) before anything is kept; the office's key for an
  // invitation is kept with it in the data folder, never in the report.
  const settings = connectionFor(dataDir, reportId, input.address, input.invitation, input.ca ?? null);
  if (servers.has(report)) throw userError('networkBothWays');
  await clients.get(report)?.stop();
  saveConnection(dataDir, reportId, settings);
  const client = new NetworkClient(report, settings, {
    onStatus: (status) => {
      report.emit({ kind: 'changed', what: ['network'] });
      if (status.kind === 'connected' || presence.get(report)?.live) tellPresence(report, status.kind === 'connected', null);
    },
    onPeers: (peers) => tellPresence(report, true, peers),
    onTaken: () => report.emit({ kind: 'changed', what: ['report', 'organizations', 'members', 'sections', 'words', 'comments', 'recommendations', 'inputs'] }),
  });
  clients.set(report, client);
  connectedAt.set(report, {
    hlc: (report.db.prepare('SELECT max(hlc) FROM change_log').pluck().get() as string | null) ?? '',
    seq: (report.db.prepare('SELECT max(seq) FROM section_updates').pluck().get() as number | null) ?? 0,
  });
  whenClosed(report, () => client.stop());
  client.start();
  return stateOf(client.status);
}

export async function disconnectNetwork(ctx: ServiceContext): Promise<Result<'network.disconnect'>> {
  const client = clients.get(ctx.report);
  clients.delete(ctx.report);
  await client?.stop();
  tellPresence(ctx.report, false, null);
  ctx.report.emit({ kind: 'changed', what: ['network'] });
  return null;
}


// The secretariat's side, from the app (File ▸ Office Network Server…, the Sharing screen): the
// same server as `upr serve-network`, in this process, on the report open here. The secretariat's
// own edits go out as they are made, what offices send comes in through the merge path (and shows
// at once here: taking rows in tells the windows), and a copy merged meanwhile is offered to every
// connected office (`resyncServed`). It stops when the report closes.

/** The addresses of this computer's networks, for offices to connect to (loopback when it has none). */
function addressesFor(port: number): string[] {
  const found: string[] = [];
  for (const list of Object.values(os.networkInterfaces())) {
    for (const a of list ?? []) if (!a.internal && a.family === 'IPv4') found.push(`ws://${a.address}:${port}`);
  }
  return found.length ? found : [`ws://localhost:${port}`];
}

function servingOf(server: NetworkServer): ServingState {
  return { port: server.port, addresses: addressesFor(server.port), offices: server.connected().map((o) => o.name) };
}

export async function serveNetwork(ctx: ServiceContext, input: ParsedInput<'network.serve'>): Promise<Result<'network.serve'>> {
  const report = ctx.report;
  const running = servers.get(report);
  if (running) return servingOf(running);
  if (clients.has(report)) throw userError('networkBothWays');
  let server: NetworkServer;
  try {
    server = await startNetworkServer({
      report,
      port: input.port,
      // The keys offices introduce over their own connections are confirmed in the name of the secretariat member serving.
      confirmKeysBy: ctx.me?.id ?? null,
      onOffices: () => report.emit({ kind: 'changed', what: ['network'] }),
      onPeers: (peers) => tellPresence(report, true, peers),
      self: ctx.me ? { id: ctx.me.id, name: ctx.me.name } : null,
    });
  } catch (e) {
    if (isUserError(e)) throw userError('networkPortTaken', { port: input.port });
    throw e;
  }
  servers.set(report, server);
  tellPresence(report, true, []);
  whenClosed(report, () => {
    servers.delete(report);
    return server.close();
  });
  report.emit({ kind: 'changed', what: ['network'] });
  return servingOf(server);
}

export function servingState(ctx: ServiceContext): Result<'network.serving'> {
  const server = servers.get(ctx.report);
  return server ? servingOf(server) : null;
}

export async function stopServing(ctx: ServiceContext): Promise<Result<'network.stopServing'>> {
  const server = servers.get(ctx.report);
  servers.delete(ctx.report);
  await server?.close();
  tellPresence(ctx.report, false, null);
  ctx.report.emit({ kind: 'changed', what: ['network'] });
  return null;
}

export function inviteToNetwork(ctx: ServiceContext, input: ParsedInput<'network.invite'>): Result<'network.invite'> {
  const { code, member } = issueInvitation(ctx.report.db, input.memberId);
  return { code, member: member.name };
}

/** Rows came into a served report by a merge: the connected offices are sent what they lack. */
export function resyncServed(report: OpenReport): void {
  servers.get(report)?.resync();
}

/** Shares where the person using this window is with those connected through the office server (a no-op otherwise). */
export function sharePresence(ctx: ServiceContext, input: ParsedInput<'network.presence'>): Result<'network.presence'> {
  const presence = { section: input.sectionId, anchor: input.anchor, focus: input.focus, focusing: input.focusing };
  clients.get(ctx.report)?.setPresence(presence);
  servers.get(ctx.report)?.setPresence(presence);
  return null;
}

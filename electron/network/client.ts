// An office's side of the office server, in the main process (or the browser-mode server): the
// office keeps working in its own report file, and this keeps that file and the server's in step.
// On connecting (and on every reconnection) both ends say what they hold and send what the other
// lacks, as a merge would (fields and texts changed on both sides while apart are recorded as
// conflicts); then each change made here is sent as it is stored (its stamped rows), and the
// changes of other offices the server passes on are taken in through the merge path. Offline, the
// office works on; what waits is counted, and sent when the server can be reached again.
// Hocuspocus's provider does the connecting, reconnecting and others' cursors (awareness).
import { HocuspocusProvider, HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { isUserError } from '../../shared/errors.js';
import type { Message } from '../../shared/messages.js';
import type { OpenReport } from '../store/open-report.js';
import { hasSigning, roots } from '../sync/signing.js';
import { MAX_MESSAGE_BYTES, PROTOCOL, readToClient, REFUSALS, ROWS_PER_MESSAGE, type ToClient, type ToServer } from './protocol.js';
import { peersFrom, PRESENCE_FIELD, type Peer, type Presence } from './presence.js';
import { LocalFeed, newestStamp, rowsMissingFrom, summarize, toWire } from './rows.js';
import type { ConnectionSettings } from './settings.js';
import { checkAddress } from './settings.js';
import { takeRows, type Apart, type Taken } from './take-rows.js';

/** How long others' live rows wait to be taken in with those that follow them (ms). */
const TAKE_DELAY_MS = 30;

export type NetworkStatus =
  | { kind: 'connecting'; address: string; waiting: number; problem: Message | null }
  | { kind: 'connected'; address: string; member: { id: string; name: string }; waiting: number; problem: Message | null }
  | { kind: 'offline'; address: string; waiting: number; problem: Message }
  /** The server will not admit this office (the invitation): no more tries. */
  | { kind: 'refused'; address: string; waiting: number; problem: Message };

export interface NetworkClientOptions {
  onStatus?: (status: NetworkStatus) => void;
  onPeers?: (peers: Peer[]) => void;
  /** Told of every batch of rows taken in from the server. */
  onTaken?: (taken: Taken, catchUp: boolean) => void;
  /** How long changes made here are gathered before they are sent (ms). */
  pushDelayMs?: number;
  /** How often rows stored without an event (another process) are looked for (ms). */
  pollMs?: number;
}

/** A WebSocket that trusts the given certificate authority, and never throws its errors at the process. */
function socketClass(ca: string | null, onError: (e: Error) => void): unknown {
  return class OfficeSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { maxPayload: MAX_MESSAGE_BYTES, ...(ca ? { ca } : {}) });
      this.on('error', onError);
    }
  };
}

export type { Peer } from './presence.js';

export class NetworkClient {
  private provider: HocuspocusProvider | null = null;
  private socket: HocuspocusProviderWebsocket | null = null;
  private member: { id: string; name: string } | null = null;
  private feed: LocalFeed | null = null;
  /** What this file held that the server lacked when they met, until the server's catch-up is in. */
  private apart: Apart | null = null;
  private live = false;
  private pushTimer: NodeJS.Timeout | null = null;
  private pollTimer: NodeJS.Timeout | null = null;
  private unsubscribe: (() => void) | null = null;
  private nextId = 1;
  /** Pushes sent and not acknowledged yet: their newest stamp. */
  private readonly unacked = new Map<number, string>();
  /** The newest stamp of this session's rows the server acknowledged. */
  private ackedThrough = '';
  private lastSocketError: Error | null = null;
  private current: NetworkStatus;
  private readonly from: string;
  private stopped = false;
  private readonly waitingRows: Array<Extract<ToClient, { t: 'rows' }>> = [];
  private takeTimer: NodeJS.Timeout | null = null;

  constructor(
    readonly report: OpenReport,
    private readonly settings: ConnectionSettings,
    private readonly options: NetworkClientOptions = {},
  ) {
    checkAddress(settings.address);
    this.from = `the office server at ${settings.address}`;
    this.current = { kind: 'connecting', address: settings.address, waiting: 0, problem: null };
  }

  get status(): NetworkStatus {
    return this.current;
  }

  /** The member the server admitted this connection as (known once it said so). */
  get actsAs(): { id: string; name: string } | null {
    return this.member;
  }

  start(): void {
    const reportId = this.report.db.prepare("SELECT value FROM meta WHERE key = 'report_id'").pluck().get() as string;
    this.socket = new HocuspocusProviderWebsocket({
      url: this.settings.address,
      WebSocketPolyfill: socketClass(this.settings.ca, (e) => (this.lastSocketError = e)),
      // On an office network: try again soon, and at least every few seconds.
      delay: 500,
      minDelay: 500,
      maxDelay: 5_000,
      factor: 1.5,
      maxAttempts: 0,
    });
    this.provider = new HocuspocusProvider({
      websocketProvider: this.socket,
      name: reportId,
      document: new Y.Doc(),
      token: JSON.stringify({ protocol: PROTOCOL, invitation: this.settings.invitation, device: this.settings.device }),
      onAuthenticated: () => this.sayHello(),
      onAuthenticationFailed: ({ reason }) => this.refusedBy(reason),
      onStateless: ({ payload }) => this.receive(payload),
      onStatus: ({ status }) => {
        if (status === WebSocketStatus.Disconnected) this.wentOffline();
      },
      onAwarenessChange: ({ states }) => this.tellPeers(states),
    });
    // A provider given its socket is attached by hand (it then listens to the socket's events).
    this.provider.attach();
    this.unsubscribe = this.report.on((event) => {
      if (event.kind !== 'presence') this.pushSoon();
    });
    this.pollTimer = setInterval(() => this.pushSoon(), this.options.pollMs ?? 1_000);
    this.pollTimer.unref?.();
  }

  /** Shares where this office's person is (a section, a caret) with the others. */
  setPresence(presence: Presence): void {
    this.provider?.setAwarenessField(PRESENCE_FIELD, presence);
  }

  /** Sends what is waiting, then disconnects. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    if (this.live) this.push();
    this.takeWaiting();
    this.stopped = true;
    this.live = false;
    this.unsubscribe?.();
    if (this.pushTimer) clearTimeout(this.pushTimer);
    if (this.pollTimer) clearInterval(this.pollTimer);
    this.provider?.destroy();
    this.socket?.destroy();
  }

  /** Resolves once every change made here so far has been acknowledged by the server (or after `timeoutMs`). */
  async sent(timeoutMs = 10_000): Promise<boolean> {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      if (this.live && this.unacked.size === 0) {
        this.push();
        if (this.unacked.size === 0) return true;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    return false;
  }

  private setStatus(status: NetworkStatus): void {
    this.current = status;
    this.options.onStatus?.(status);
  }

  private waiting(): number {
    if (!this.feed) return 0;
    try {
      return this.feed.countSince(this.ackedThrough);
    } catch {
      return 0;
    }
  }

  private send(message: ToServer): void {
    this.provider?.sendStateless(JSON.stringify(message));
  }

  private sayHello(): void {
    this.lastSocketError = null;
    this.send({ t: 'hello', protocol: PROTOCOL, summary: summarize(this.report.db) });
  }

  private receive(payload: string): void {
    const message = readToClient(payload);
    if (!message || this.stopped) return;
    // Others' live typing is taken in a few messages at a time (see `takeSoon`); anything else
    // comes after what arrived before it.
    if (message.t === 'rows' && !message.catchUp) return this.takeSoon(message);
    this.takeWaiting();
    this.handle(message);
  }

  private handle(message: ToClient): void {
    try {
      switch (message.t) {
        case 'welcome':
          return this.welcomed(message);
        case 'rows':
          return this.take(message);
        case 'ack':
          return this.acknowledged(message);
        case 'refused':
          return this.refused(message.refused as Message);
        case 'resync':
          // Hello again: the server answers with what it holds that this file lacks (as on reconnecting).
          if (this.live) this.sayHello();
          return;
      }
    } catch (e) {
      // A batch that cannot be taken in (a clock far ahead, the file busy) is said, never thrown:
      // the next connection tries again.
      const problem: Message = isUserError(e) && e.translatable ? (e.translatable as Message) : { key: 'networkServerFailed' };
      this.setStatus({ ...this.connectedStatus(), problem });
    }
  }

  /** Live rows gathered for a moment: judging many rows in one run costs little more than one. */
  private takeSoon(message: Extract<ToClient, { t: 'rows' }>): void {
    this.waitingRows.push(message);
    this.takeTimer ??= setTimeout(() => this.takeWaiting(), TAKE_DELAY_MS);
  }

  private takeWaiting(): void {
    if (this.takeTimer) clearTimeout(this.takeTimer);
    this.takeTimer = null;
    const parts = this.waitingRows.splice(0);
    if (parts.length === 0 || this.report.isClosed) return;
    this.handle({
      t: 'rows',
      catchUp: false,
      last: false,
      changes: parts.flatMap((p) => p.changes),
      texts: parts.flatMap((p) => p.texts),
      blobs: parts.flatMap((p) => p.blobs),
      signatures: parts.flatMap((p) => p.signatures),
    });
  }

  private connectedStatus(): NetworkStatus & { kind: 'connected' } {
    return { kind: 'connected', address: this.settings.address, member: this.member!, waiting: this.unacked.size ? this.waiting() : 0, problem: null };
  }

  /** The server said who this connection acts as and what it holds: send what it lacks. */
  private welcomed(message: Extract<ToClient, { t: 'welcome' }>): void {
    if (this.member && this.member.id !== message.member.id) this.feed = null;
    this.member = message.member;
    // A file that has no signing root yet takes the report's, as a merged copy gives it.
    if (hasSigning(this.report.db) && roots(this.report.db).length === 0 && message.roots.length) {
      this.report.db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('signing_roots', ?)").run(JSON.stringify(message.roots));
    }
    this.feed ??= new LocalFeed(this.report.db, this.report.replica, message.member.id);
    this.report.log.signer?.seal(true);
    const missing = rowsMissingFrom(this.report.db, message.summary, message.member.id);
    this.apart = { changes: missing.changes, texts: missing.texts };
    this.feed.skipToNow();
    this.live = true;
    if (missing.changes.length || missing.texts.length) {
      for (const rows of toWire(this.report.db, missing.changes, missing.texts, ROWS_PER_MESSAGE)) this.sendPush(rows, true);
    }
    this.setStatus({ kind: 'connecting', address: this.settings.address, waiting: this.waiting(), problem: null });
  }

  private take(message: Extract<ToClient, { t: 'rows' }>): void {
    const taken = takeRows(this.report, message, { from: this.from, apart: message.catchUp ? this.apart : null });
    this.options.onTaken?.(taken, message.catchUp);
    if (message.catchUp && message.last) {
      this.apart = null;
      this.setStatus(this.connectedStatus());
    }
  }

  private acknowledged(message: Extract<ToClient, { t: 'ack' }>): void {
    const stamp = this.unacked.get(message.id);
    this.unacked.delete(message.id);
    if (stamp && stamp > this.ackedThrough && !message.refused) this.ackedThrough = stamp;
    if (message.refused) this.setStatus({ ...this.connectedStatus(), problem: message.refused as Message });
    else if (this.current.kind === 'connected' && this.current.waiting && this.unacked.size === 0) this.setStatus(this.connectedStatus());
  }

  private sendPush(rows: ReturnType<typeof toWire>[number], catchUp: boolean): void {
    const id = this.nextId++;
    this.unacked.set(id, newestStamp(rows));
    this.send({ t: 'push', id, catchUp, ...rows });
  }

  private pushSoon(): void {
    if (!this.live || this.pushTimer) return;
    this.pushTimer = setTimeout(() => {
      this.pushTimer = null;
      this.push();
    }, this.options.pushDelayMs ?? 15);
  }

  /** Sends the rows stored here since the last push. */
  private push(): void {
    if (!this.live || !this.feed || this.report.isClosed) return;
    // What was written here is signed before it goes (also what a write inside a larger transaction left to sign).
    this.report.log.signer?.seal(true);
    const rows = this.feed.take();
    if (rows.changes.length === 0 && rows.texts.length === 0) return;
    for (const batch of toWire(this.report.db, rows.changes, rows.texts, ROWS_PER_MESSAGE)) this.sendPush(batch, false);
  }

  private wentOffline(): void {
    if (this.stopped || this.current.kind === 'refused') return;
    this.live = false;
    this.unacked.clear();
    const problem: Message = /certificate|self[- ]signed|CERT/i.test(this.lastSocketError?.message ?? '')
      ? { key: 'networkTlsUntrusted', params: { address: this.settings.address } }
      : { key: 'networkUnreachable', params: { address: this.settings.address } };
    this.setStatus({ kind: 'offline', address: this.settings.address, waiting: this.waiting(), problem });
  }

  private refusedBy(reason: string): void {
    const key = Object.hasOwn(REFUSALS, reason) ? REFUSALS[reason as keyof typeof REFUSALS] : 'networkInvitationInvalid';
    this.refused({ key, params: { address: this.settings.address } });
  }

  /** The server will not have this office: said, and no more tries until the person connects again. */
  private refused(problem: Message): void {
    this.live = false;
    this.setStatus({ kind: 'refused', address: this.settings.address, waiting: this.waiting(), problem });
    this.stopped = true;
    this.unsubscribe?.();
    if (this.pollTimer) clearInterval(this.pollTimer);
    // Not from inside the provider's own handler.
    setImmediate(() => {
      this.provider?.destroy();
      this.socket?.destroy();
    });
  }

  private tellPeers(states: Array<{ clientId: number; [key: string]: unknown }>): void {
    if (!this.options.onPeers || !this.provider) return;
    this.options.onPeers(peersFrom(states, this.provider.document.clientID));
  }
}

// The office server: Hocuspocus (a maintained Yjs WebSocket server) in front of the secretariat's
// report file, which stays the source of truth. Hocuspocus does the WebSocket work: authenticating
// each connection (the invitation, ./invitations.ts), one document per report, passing on others'
// cursors (awareness, with the member each connection acts as written over whatever it claims),
// and stateless messages, which carry the rows (./protocol.ts). Its own Yjs document stays empty
// and read-only: text travels as stamped rows, which this server takes in through the same path
// as a merged copy (./take-rows.ts) and passes on to the other offices. Nothing sent to it can stop
// it: a message it cannot read is answered, a connection it cannot trust is closed.
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { Hocuspocus, type Connection, type Document, type WebSocketLike } from '@hocuspocus/server';
import { WebSocketServer } from 'ws';
import { isUserError } from '../../shared/errors.js';
import { userError, type Message } from '../../shared/messages.js';
import type { OpenReport } from '../store/open-report.js';
import type { LoggedChange } from '../sync/changes.js';
import { roots } from '../sync/signing.js';
import { admit } from './invitations.js';
import { MAX_MESSAGE_BYTES, PROTOCOL, readToken, readToServer, ROWS_PER_MESSAGE, type Refusal, type ToClient, type ToServer } from './protocol.js';
import { LocalFeed, rowsMissingFrom, summarize, toWire, type StoredText } from './rows.js';
import { peersFrom, PRESENCE_FIELD, type Peer, type Presence } from './presence.js';
import { takeRows, type Apart } from './take-rows.js';

export interface NetworkServerOptions {
  report: OpenReport;
  port: number;
  /** The address to listen on: every network of this computer by default. */
  host?: string;
  /** PEM certificate and key, for wss:// where the network needs it. */
  tls?: { cert: string | Buffer; key: string | Buffer } | null;
  /** Told of each office that connects or leaves, and of what could not be taken in. */
  log?: (line: string) => void;
  /**
   * The secretariat member in whose name the signing keys an office introduces over its own
   * connection are confirmed (its invitation vouches for it); null to leave that to a person.
   */
  confirmKeysBy?: string | null;
  /** Told when an office connects or leaves. */
  onOffices?: () => void;
  /** Told where the people connected are, whenever that changes (their sections and carets). */
  onPeers?: (peers: Peer[]) => void;
  /** The member this process serves as, named to the offices when it shares where its person is (`setPresence`). */
  self?: { id: string; name: string } | null;
  /** How often the file is looked at for rows another process stored in it (a copy merged with `upr merge`), in ms. */
  pollMs?: number;
}

export interface NetworkServer {
  url: string;
  port: number;
  /** Offices connected now. */
  connected(): Array<{ memberId: string; name: string }>;
  /**
   * Rows came into the file by another way than the offices and this process's own edits (a copy
   * or packet merged into it): every connected office is asked to say what it holds again, and is
   * sent what it lacks, as on reconnecting.
   */
  resync(): void;
  /** Shares where the person using this app (the secretariat, serving) is with the offices. */
  setPresence(presence: Presence): void;
  close(): Promise<void>;
}

/** What the server keeps about one office's connection (in its Hocuspocus context). */
interface Session {
  memberId: string;
  name: string;
  /** It said hello: rows from others are passed on to it. */
  live: boolean;
  /** The server's rows it lacked when it said hello, until it has sent what it did while apart. */
  apart: Apart | null;
}

/** How long rows taken in wait to be passed on with others (ms). */
const PASS_ON_MS = 40;

interface Context {
  session?: Session;
}

export async function startNetworkServer({ report, port, host = '0.0.0.0', tls = null, log = () => {}, confirmKeysBy = null, onOffices = () => {}, onPeers = () => {}, self = null, pollMs = 1_000 }: NetworkServerOptions): Promise<NetworkServer> {
  const { db } = report;
  const reportId = db.prepare("SELECT value FROM meta WHERE key = 'report_id'").pluck().get() as string;
  const title = (db.prepare('SELECT title FROM report LIMIT 1').pluck().get() as string | undefined) ?? '';
  // The report's Hocuspocus document, loaded while an office is connected.
  const documentNow = (): Document | null => hocuspocus.documents.get(reportId) ?? null;

  const send = (connection: Connection, message: ToClient) => connection.sendStateless(JSON.stringify(message));
  const sessionOf = (connection: Connection) => (connection.context as Context | undefined)?.session;

  /**
   * Rows newly stored here, to every office that is live: gathered for a moment (PASS_ON_MS) and
   * sent as one message, so that each office takes in many offices' typing at once (taking in is
   * judging, and a run judges many rows for little more than one).
   */
  const outgoing: Array<{ changes: readonly LoggedChange[]; texts: readonly StoredText[] }> = [];
  let flushing: NodeJS.Timeout | null = null;
  const flushOut = () => {
    flushing = null;
    const document = documentNow();
    const batch = outgoing.splice(0);
    if (!document || batch.length === 0 || report.isClosed) return;
    report.log.signer?.seal(true);
    // One message for every live office: an office finds its own rows in it already stored, and skips them.
    const changes = batch.flatMap((b) => b.changes);
    const texts = batch.flatMap((b) => b.texts);
    for (const rows of toWire(db, changes, texts, ROWS_PER_MESSAGE)) {
      document.broadcastStateless(JSON.stringify({ t: 'rows', catchUp: false, last: false, ...rows } satisfies ToClient), (c) => sessionOf(c)?.live === true);
    }
  };
  const passOn = (changes: readonly LoggedChange[], texts: readonly StoredText[]) => {
    if (changes.length === 0 && texts.length === 0) return;
    outgoing.push({ changes, texts });
    flushing ??= setTimeout(flushOut, PASS_ON_MS);
  };

  const hello = (connection: Connection, session: Session, message: Extract<ToServer, { t: 'hello' }>) => {
    if (message.protocol !== PROTOCOL) return send(connection, { t: 'refused', refused: { key: 'networkProtocol' } });
    report.log.signer?.seal(true);
    const missing = rowsMissingFrom(db, message.summary, null);
    session.apart = { changes: missing.changes, texts: missing.texts };
    session.live = true;
    send(connection, { t: 'welcome', protocol: PROTOCOL, member: { id: session.memberId, name: session.name }, report: { id: reportId, title }, roots: roots(db), summary: summarize(db) });
    const batches = toWire(db, missing.changes, missing.texts, ROWS_PER_MESSAGE);
    batches.forEach((rows, i) => send(connection, { t: 'rows', catchUp: true, last: i === batches.length - 1, ...rows }));
  };

  const push = (connection: Connection, session: Session, message: Extract<ToServer, { t: 'push' }>) => {
    const refuse = (refused: Message) => send(connection, { t: 'ack', id: message.id, held: 0, refused: { key: refused.key, ...(refused.params ? { params: refused.params } : {}) } });
    // A connection speaks for its member only.
    if (message.changes.some((c) => c.author !== session.memberId) || message.texts.some((t) => t.author !== session.memberId)) return refuse({ key: 'networkNotYours' });
    try {
      const taken = takeRows(report, message, {
        from: `${session.name} (office server)`,
        apart: message.catchUp ? session.apart : null,
        confirm: confirmKeysBy ? { keysOf: session.memberId, by: confirmKeysBy } : null,
      });
      if (!message.catchUp) session.apart = null;
      const held = taken.held.filter((h) => report.log.held.set(h.kind).has(h.hlc));
      send(connection, { t: 'ack', id: message.id, held: held.length, refused: null });
      if (held.length) log(`held back ${held.length} change(s) from ${session.name}: ${[...new Set(held.map((h) => h.reason))].join(', ')}`);
      passOn(taken.changes, taken.texts);
    } catch (e) {
      if (isUserError(e) && e.translatable) return refuse(e.translatable as Message);
      log(`could not take in changes from ${session.name}: ${e instanceof Error ? e.message : String(e)}`);
      refuse({ key: 'networkServerFailed' });
    }
  };

  const hocuspocus = new Hocuspocus<Context>({
    quiet: true,
    // One document, one report: it is never stored by Hocuspocus (the report file is).
    unloadImmediately: true,
    async onAuthenticate({ token, documentName, connectionConfig }) {
      const refuse = (reason: Refusal) => {
        throw Object.assign(new Error(reason), { reason });
      };
      const parsed = readToken(token);
      if (!parsed) return refuse('invitation-invalid');
      if (parsed.protocol !== PROTOCOL) return refuse('protocol');
      if (documentName !== reportId) return refuse('other-report');
      const verdict = admit(db, parsed.invitation, parsed.device);
      if ('refusal' in verdict) return refuse(verdict.refusal);
      // Its Yjs document is never written by an office: text travels as rows.
      connectionConfig.readOnly = true;
      const session: Session = { memberId: verdict.member.id, name: verdict.member.name, live: false, apart: null };
      log(`${session.name} connected`);
      setImmediate(onOffices);
      return { session };
    },
    async onStateless({ connection, payload }) {
      const session = sessionOf(connection);
      if (!session) return;
      try {
        const message = readToServer(payload);
        if (!message) return send(connection, { t: 'refused', refused: { key: 'networkGarbled', params: { name: session.name } } });
        if (message.t === 'hello') hello(connection, session, message);
        else push(connection, session, message);
      } catch (e) {
        log(`something went wrong with ${session.name}'s connection: ${e instanceof Error ? e.message : String(e)}`);
      }
    },
    async beforeHandleAwareness({ states, context }) {
      // Others see who a cursor is by the member the connection acts as, never by what it claims.
      const session = context?.session;
      for (const state of states.values()) {
        if (state && typeof state === 'object') (state as Record<string, unknown>).member = session ? { id: session.memberId, name: session.name } : null;
      }
    },
    async afterLoadDocument({ document }) {
      // The secretariat's own caret, shared again in a document loaded anew (the first office to connect).
      if (ownPresence && self) document.awareness.setLocalState({ member: self, [PRESENCE_FIELD]: ownPresence });
    },
    async onAwarenessUpdate({ document, states }) {
      onPeers(peersFrom(states, document.awareness.clientID));
    },
    async afterUnloadDocument() {
      onPeers([]);
    },
    async onDisconnect({ context }) {
      if (context.session) {
        context.session.live = false;
        log(`${context.session.name} left`);
        setImmediate(onOffices);
      }
    },
  });

  // The secretariat's own edits in this process (the app serving while it is used) go out too.
  const feed = new LocalFeed(db, report.replica, null);
  let feeding: NodeJS.Immediate | null = null;
  const stopFeeding = report.on((event) => {
    if (event.kind === 'presence') return;
    feeding ??= setImmediate(() => {
      feeding = null;
      if (report.isClosed) return;
      const rows = feed.take();
      passOn(rows.changes, rows.texts);
    });
  });

  let ownPresence: Presence | null = null;
  const setPresence = (presence: Presence) => {
    ownPresence = presence;
    if (self) documentNow()?.awareness.setLocalState({ member: self, [PRESENCE_FIELD]: presence });
  };

  const resync = () => {
    const document = documentNow();
    if (!document) return;
    document.broadcastStateless(JSON.stringify({ t: 'resync' } satisfies ToClient), (c) => sessionOf(c)?.live === true);
  };
  // Another process that commits to the file (`upr merge` of a copy while serving) moves SQLite's
  // data_version for this connection; this process's own writes do not.
  const dataVersion = db.prepare('PRAGMA data_version').pluck();
  let seenVersion = dataVersion.get() as number;
  const watching = setInterval(() => {
    if (report.isClosed) return;
    try {
      const now = dataVersion.get() as number;
      if (now === seenVersion) return;
      seenVersion = now;
      resync();
    } catch {
      // The file busy for a moment: looked at again at the next tick.
    }
  }, pollMs);
  watching.unref?.();

  const server = tls ? https.createServer({ cert: tls.cert, key: tls.key }) : http.createServer();
  server.on('request', (_req, res) => {
    res.writeHead(426, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('This is a UPR Workbench office server. Connect to it from the app.\n');
  });
  // A client that sends garbage before the WebSocket handshake is dropped; the server goes on.
  server.on('clientError', (_e, socket) => socket.destroy());
  server.on('tlsClientError', () => {});
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  server.on('upgrade', (request, socket, head) => {
    socket.on('error', () => socket.destroy());
    sockets.handleUpgrade(request, socket, head, (ws) => {
      ws.on('error', () => ws.terminate());
      const connection = hocuspocus.handleConnection(ws as unknown as WebSocketLike, { url: request.url ?? '/', headers: new Headers() } as unknown as Request);
      ws.on('message', (data, isBinary) => {
        if (!isBinary) return ws.close(1003, 'binary frames only');
        const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
        connection.handleMessage(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      });
      ws.on('close', (code, reason) => connection.handleClose({ code, reason: reason.toString() }));
    });
  });

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', (e: NodeJS.ErrnoException) => reject(e.code === 'EADDRINUSE' ? userError('networkPortInUse', { port }) : e));
      server.listen(port, host, () => resolve());
    });
  } catch (e) {
    clearInterval(watching);
    stopFeeding();
    throw e;
  }
  server.on('error', (e) => log(`server error: ${e.message}`));
  const actual = (server.address() as AddressInfo).port;
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;

  return {
    url: `${tls ? 'wss' : 'ws'}://${shownHost}:${actual}`,
    port: actual,
    connected: () => (documentNow()?.getConnections() ?? []).map((c) => sessionOf(c)).filter((s): s is Session => !!s?.live).map((s) => ({ memberId: s.memberId, name: s.name })),
    resync,
    setPresence,
    async close() {
      clearInterval(watching);
      stopFeeding();
      if (flushing) clearTimeout(flushing);
      if (feeding) clearImmediate(feeding);
      hocuspocus.closeConnections();
      for (const ws of sockets.clients) ws.terminate();
      sockets.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Reads a PEM certificate and key for `--cert`/`--key`; a message a person can read when they cannot be. */
export function readTls(cert: string | undefined, key: string | undefined): { cert: Buffer; key: Buffer } | null {
  if (!cert && !key) return null;
  if (!cert || !key) throw userError('networkTlsPair');
  const read = (file: string) => {
    try {
      return fs.readFileSync(file);
    } catch {
      throw userError('networkTlsUnreadable', { file });
    }
  };
  return { cert: read(cert), key: read(key) };
}

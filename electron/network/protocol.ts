// What travels between an office's app and the office server, over Hocuspocus's stateless
// messages (JSON strings on one authenticated WebSocket per office). Section text does not travel
// as anonymous Yjs sync: every change is sent as the stamped row the sender stored, so the server
// and every other office judge it as a merge would (who made it, when). Both ends parse what they
// receive with these schemas: anything else is answered, never thrown.
import { z } from 'zod';

/** Raised when the messages change shape; a server and app that differ say so in words. */
export const PROTOCOL = 1;

/** Rows per message; a longer history goes in several (a batch signed as one is never split). */
export const ROWS_PER_MESSAGE = 2_000;
/** The most rows one message may hold: one batch written at once (an import) can be large. */
const MAX_ROWS = 50_000;
/** A message larger than this (bytes) is refused by the server's socket. */
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

const stampLike = z.string().max(64);
const idLike = z.string().max(200);
const base64 = z.string().max(32 * 1024 * 1024).regex(/^[A-Za-z0-9+/]*={0,2}$/);

/** A change-log row as stored (electron/sync/changes.ts LoggedChange). */
const wireChange = z
  .object({
    hlc: stampLike,
    replica: z.string().max(64),
    author: idLike,
    tbl: z.string().max(64),
    row_id: idLike,
    col: z.string().max(64),
    value: z.union([z.string().max(4 * 1024 * 1024), z.number(), z.null()]),
    prev_hlc: stampLike.nullable(),
  })
  .strict();
export type WireChange = z.infer<typeof wireChange>;

/** A stored text update (a section_updates row) with its bytes in base64. */
const wireText = z
  .object({ hlc: stampLike, section: idLike, replica: z.string().max(64), author: idLike, folded: z.boolean(), data: base64 })
  .strict();
export type WireText = z.infer<typeof wireText>;

/** An attached file's contents, for the attachments rows that name it by hash. */
const wireBlob = z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), data: base64 }).strict();
export type WireBlob = z.infer<typeof wireBlob>;

/**
 * A signature record (electron/sync/signing.ts) of rows in the same message: its columns as stored
 * (RECORD_COLUMNS there), the signature in base64. Read column by column by the receiving end.
 */
const wireSignature = z
  .record(z.string().max(32), z.union([z.string().max(64 * 1024), z.number()]))
  .refine((r) => Object.keys(r).length <= 32 && typeof r.hash === 'string' && typeof r.signature === 'string');
export type WireSignature = z.infer<typeof wireSignature>;

/** Rows of any kind, as one batch, with the signature records that cover them. */
const rows = {
  changes: z.array(wireChange).max(MAX_ROWS),
  texts: z.array(wireText).max(MAX_ROWS),
  blobs: z.array(wireBlob).max(100),
  signatures: z.array(wireSignature).max(MAX_ROWS),
};
export interface WireRows {
  changes: WireChange[];
  texts: WireText[];
  blobs: WireBlob[];
  signatures: WireSignature[];
}

/** Per replica (an app session), how many rows a file holds and the newest one's stamp. */
const perReplica = z.record(z.string().max(64), z.tuple([z.number().int().min(0), stampLike]));
const summary = z.object({ changes: perReplica, texts: perReplica }).strict();
export type Summary = z.infer<typeof summary>;

const toServer = z.discriminatedUnion('t', [
  /** After connecting: what the office's file holds, so the server sends what it lacks. */
  z.object({ t: z.literal('hello'), protocol: z.number().int(), summary }).strict(),
  /** Rows made in the office (by the connection's member only). `catchUp`: made while apart. */
  z.object({ t: z.literal('push'), id: z.number().int().min(0), catchUp: z.boolean(), ...rows }).strict(),
]);
export type ToServer = z.infer<typeof toServer>;

const message = z.object({ key: z.string().max(100), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() }).strict();

const toClient = z.discriminatedUnion('t', [
  /** The answer to hello: who the connection acts as, and what the server's file holds. */
  z
    .object({
      t: z.literal('welcome'),
      protocol: z.number().int(),
      member: z.object({ id: idLike, name: z.string().max(400) }).strict(),
      report: z.object({ id: idLike, title: z.string().max(1000) }).strict(),
      /** The report's signing roots (its first secretariat key), for an office's file that has none. */
      roots: z.array(z.string().regex(/^[0-9a-f]{32}$/)).max(100),
      summary,
    })
    .strict(),
  /** Rows from others (live), or those the office lacked (`catchUp`; `last` ends the catch-up). */
  z.object({ t: z.literal('rows'), catchUp: z.boolean(), last: z.boolean(), ...rows }).strict(),
  /** A push stored (`held` of its changes held back), or refused with nothing stored. */
  z.object({ t: z.literal('ack'), id: z.number().int(), held: z.number().int(), refused: message.nullable() }).strict(),
  /** The server cannot go on with this connection (a message a person can read). */
  z.object({ t: z.literal('refused'), refused: message }).strict(),
  /** The server's file took in rows by another way (a copy merged into it): say hello again, to be sent what is new. */
  z.object({ t: z.literal('resync') }).strict(),
]);
export type ToClient = z.infer<typeof toClient>;

/** A message from an office, or null when it is not one (garbage is never thrown at the caller). */
export function readToServer(payload: string): ToServer | null {
  return parseJson(payload, toServer);
}

export function readToClient(payload: string): ToClient | null {
  return parseJson(payload, toClient);
}

function parseJson<T>(payload: string, schema: z.ZodType<T>): T | null {
  if (typeof payload !== 'string' || payload.length > MAX_MESSAGE_BYTES) return null;
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return null;
  }
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** What an office sends as its Hocuspocus token: the invitation, and the key that binds it to this office. */
const token = z.object({ protocol: z.number().int(), invitation: z.string().max(200), device: z.string().min(16).max(200) }).strict();
export type ConnectToken = z.infer<typeof token>;

export function readToken(payload: string): ConnectToken | null {
  return parseJson(payload, token);
}

/**
 * Why the server refused a connection, as Hocuspocus carries it (the `reason` of its
 * permission-denied answer): each one a message key the office's app says in words.
 */
export const REFUSALS = {
  'invitation-invalid': 'networkInvitationInvalid',
  'invitation-used': 'networkInvitationUsed',
  'member-gone': 'networkMemberGone',
  'other-report': 'networkOtherReport',
  'protocol': 'networkProtocol',
} as const;
export type Refusal = keyof typeof REFUSALS;

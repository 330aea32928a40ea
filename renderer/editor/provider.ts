// Connects a section's Yjs document to the report: loads the stored state, sends local updates to
// the main process (batched for at most PUSH_DELAY_MS, so a crash loses at most that much typing),
// and applies updates other windows or tabs make, pushed as events. Implements the Provider
// interface Lexical's CollaborationPlugin expects; its awareness (./presence.ts) holds others'
// carets when the report is connected to the office network server.
//
// A save that fails is never dropped: what was not stored stays in the document, and the next
// attempt (soon, then less often, and at the next keystroke) compares state vectors with the main
// process (Yjs's sync steps: `text.sync`), so whatever it lacks is sent, the failed batch and
// everything typed after it. "Saved" is said only once the main process has stored it all.
import type { Provider } from '@lexical/yjs';
import * as Y from 'yjs';
import { base64ToBytes, bytesToBase64 } from '../../shared/base64.js';
import { ApiError, call, onEvent } from '../api/client.js';
import { messageOf } from '../app/errors.js';
import { SectionAwareness } from './presence.js';

const PUSH_DELAY_MS = 150;
/** After a failed save, the next tries come after these pauses (the last one repeating). */
const RETRY_MS = [1_000, 2_000, 5_000, 15_000];

type Handler = (arg: never) => void;

/** Where the section's typing stands: all stored, being stored, or not stored (and why). */
export type SaveState = { kind: 'saved' } | { kind: 'saving' } | { kind: 'unsaved'; message: string; retrying: boolean; busy?: boolean };

export interface TextProviderCallbacks {
  /** The text could not be loaded; the message is for people. */
  onSaveError: (message: string) => void;
  onLoaded: () => void;
  /** Told whenever the save state changes. */
  onSaveState?: (state: SaveState) => void;
  /** Told the names of the others connected who have this section open. */
  onPeople?: (names: string[]) => void;
}

export class SectionTextProvider {
  readonly awareness: SectionAwareness;
  private readonly handlers = new Map<string, Set<Handler>>();
  private pending: Uint8Array[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private retries = 0;
  /** A save failed: the next one compares state vectors rather than sending the batch alone. */
  private needsSync = false;
  private inFlight: Promise<void> | null = null;
  private unsubscribe: (() => void) | null = null;
  private connections = 0;
  private captured: Uint8Array[] | null = null;
  private state: SaveState = { kind: 'saved' };

  constructor(
    readonly sectionId: string,
    readonly doc: Y.Doc,
    private readonly callbacks: TextProviderCallbacks,
  ) {
    doc.on('update', this.onDocUpdate);
    this.awareness = new SectionAwareness(sectionId, callbacks.onPeople);
  }

  get saveState(): SaveState {
    return this.state;
  }

  /**
   * Counted: React's strict mode connects, disconnects (after the first connect's promise settles)
   * and connects again, so only the last disconnect may stop listening.
   */
  async connect(): Promise<void> {
    this.connections++;
    this.awareness.start();
    if (!this.unsubscribe) {
      this.unsubscribe = onEvent((event) => {
        if (event.kind === 'text' && event.sectionId === this.sectionId) {
          // Applying an update the document already has changes nothing.
          Y.applyUpdate(this.doc, base64ToBytes(event.update), this);
        }
      });
    }
    try {
      const { state } = await call('text.load', { sectionId: this.sectionId });
      if (this.connections === 0) return;
      Y.applyUpdate(this.doc, base64ToBytes(state), this);
      this.emit('status', { status: 'connected' });
      this.emit('sync', true);
      this.callbacks.onLoaded();
    } catch (e) {
      this.callbacks.onSaveError((e as Error).message);
    }
  }

  disconnect(): void {
    void this.flush();
    this.connections = Math.max(0, this.connections - 1);
    if (this.connections > 0) return;
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.awareness.stop();
    this.emit('status', { status: 'disconnected' });
  }

  on(type: string, cb: Handler): void {
    let set = this.handlers.get(type);
    if (!set) this.handlers.set(type, (set = new Set()));
    set.add(cb);
  }

  off(type: string, cb: Handler): void {
    this.handlers.get(type)?.delete(cb);
  }

  /** Sends whatever is waiting now (before the window closes, or when switching sections). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.pending.length === 0 && !this.needsSync) return this.inFlight ?? Promise.resolve();
    const previous = this.inFlight ?? Promise.resolve();
    const send = previous.then(() => this.save());
    this.inFlight = send;
    void send.finally(() => {
      if (this.inFlight === send) this.inFlight = null;
    });
    return send;
  }

  /** One save: the waiting batch, or after a failure whatever the main process lacks. Never rejects. */
  private async save(): Promise<void> {
    if (this.pending.length === 0 && !this.needsSync) return;
    const batch = this.pending;
    this.pending = [];
    this.setState({ kind: 'saving' });
    try {
      if (this.needsSync) await this.sync();
      else await call('text.push', { sectionId: this.sectionId, update: bytesToBase64(batch.length === 1 ? batch[0]! : Y.mergeUpdates(batch)) });
      this.needsSync = false;
      this.retries = 0;
      if (this.retryTimer) clearTimeout(this.retryTimer);
      this.retryTimer = null;
      this.setState(this.pending.length ? { kind: 'saving' } : { kind: 'saved' });
    } catch (e) {
      // Nothing is dropped: the batch is in the document, and the next save sends all the main process lacks.
      this.needsSync = true;
      const refused = e instanceof ApiError && (e.code === 'forbidden' || e.code === 'no_identity');
      const busy = e instanceof ApiError && e.key === 'fileBusy';
      this.setState({ kind: 'unsaved', message: messageOf(e), retrying: !refused, busy });
      if (!refused) this.retryLater();
    }
  }

  /**
   * Yjs's sync steps with the main process: its state vector for this document's, then what it
   * lacks. What it has that this document lacks (typing in another tab meanwhile) comes too.
   */
  private async sync(): Promise<void> {
    const reply = await call('text.sync', { sectionId: this.sectionId, stateVector: bytesToBase64(Y.encodeStateVector(this.doc)) });
    Y.applyUpdate(this.doc, base64ToBytes(reply.update), this);
    const missing = Y.encodeStateAsUpdate(this.doc, base64ToBytes(reply.stateVector));
    if (changesSomething(missing)) await call('text.push', { sectionId: this.sectionId, update: bytesToBase64(missing) });
    // What was typed meanwhile is in what was just sent.
    this.pending = [];
  }

  private retryLater(): void {
    // Tries go on after the editor is closed (another section chosen): what it typed is still to save.
    if (this.retryTimer) return;
    const wait = RETRY_MS[Math.min(this.retries, RETRY_MS.length - 1)]!;
    this.retries++;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.flush();
    }, wait);
  }

  private setState(state: SaveState): void {
    if (state.kind === this.state.kind && (state.kind !== 'unsaved' || (this.state.kind === 'unsaved' && state.message === this.state.message))) return;
    this.state = state;
    this.callbacks.onSaveState?.(state);
  }

  /**
   * Runs `edit` (a discrete Lexical update) and returns the Yjs update it made instead of sending
   * it: a comment's anchor goes to the main process with the comment, which checks that it changes
   * nothing but annotations. Returns null when the edit changed nothing.
   */
  capture(edit: () => void): Uint8Array | null {
    const captured: Uint8Array[] = [];
    this.captured = captured;
    try {
      edit();
    } finally {
      this.captured = null;
    }
    if (captured.length === 0) return null;
    return captured.length === 1 ? captured[0]! : Y.mergeUpdates(captured);
  }

  destroy(): void {
    this.connections = 1;
    this.disconnect();
    this.doc.off('update', this.onDocUpdate);
  }

  private onDocUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === this) return;
    if (this.captured) {
      this.captured.push(update);
      return;
    }
    this.pending.push(update);
    if (this.state.kind === 'saved') this.setState({ kind: 'saving' });
    this.timer ??= setTimeout(() => void this.flush(), PUSH_DELAY_MS);
  };

  private emit(type: string, arg: unknown): void {
    for (const cb of this.handlers.get(type) ?? []) (cb as (a: unknown) => void)(arg);
  }
}

/** Does a Yjs update hold any struct or deletion (an empty one is two zero bytes)? */
function changesSomething(update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(update);
  return structs.length > 0 || ds.clients.size > 0;
}

export function asLexicalProvider(p: SectionTextProvider): Provider {
  return p as unknown as Provider;
}

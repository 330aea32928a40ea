// Connects a section's Yjs document to the report: loads the stored state, sends local updates to
// the main process (batched for at most PUSH_DELAY_MS, so a crash loses at most that much typing),
// and applies updates other windows or tabs make, pushed as events. Implements the Provider
// interface Lexical's CollaborationPlugin expects; there are no remote cursors (awareness is local).
import type { Provider, UserState } from '@lexical/yjs';
import * as Y from 'yjs';
import { base64ToBytes, bytesToBase64 } from '../../shared/base64.js';
import { call, onEvent } from '../api/client.js';

const PUSH_DELAY_MS = 150;

type Handler = (arg: never) => void;

class LocalAwareness {
  private state: UserState | null = null;
  private readonly listeners = new Set<() => void>();
  getLocalState = () => this.state;
  getStates = () => new Map<number, UserState>(this.state ? [[0, this.state]] : []);
  on = (_type: 'update', cb: () => void) => void this.listeners.add(cb);
  off = (_type: 'update', cb: () => void) => void this.listeners.delete(cb);
  setLocalState = (state: UserState | null) => {
    this.state = state;
  };
  setLocalStateField = (field: string, value: unknown) => {
    if (this.state) this.state = { ...this.state, [field]: value };
  };
}

export interface TextProviderCallbacks {
  /** A local change could not be saved (e.g. rights changed meanwhile); the message is for people. */
  onSaveError: (message: string) => void;
  onLoaded: () => void;
}

export class SectionTextProvider {
  readonly awareness = new LocalAwareness();
  private readonly handlers = new Map<string, Set<Handler>>();
  private pending: Uint8Array[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> | null = null;
  private unsubscribe: (() => void) | null = null;
  private connections = 0;
  private captured: Uint8Array[] | null = null;

  constructor(
    readonly sectionId: string,
    readonly doc: Y.Doc,
    private readonly callbacks: TextProviderCallbacks,
  ) {
    doc.on('update', this.onDocUpdate);
  }

  /**
   * Counted: React's strict mode connects, disconnects (after the first connect's promise settles)
   * and connects again, so only the last disconnect may stop listening.
   */
  async connect(): Promise<void> {
    this.connections++;
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
    if (this.pending.length === 0) return this.inFlight ?? Promise.resolve();
    const update = this.pending.length === 1 ? this.pending[0]! : Y.mergeUpdates(this.pending);
    this.pending = [];
    const previous = this.inFlight ?? Promise.resolve();
    const send = previous
      .then(() => call('text.push', { sectionId: this.sectionId, update: bytesToBase64(update) }))
      .then(
        () => undefined,
        (e: Error) => this.callbacks.onSaveError(e.message),
      );
    this.inFlight = send;
    void send.finally(() => {
      if (this.inFlight === send) this.inFlight = null;
    });
    return send;
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
    this.timer ??= setTimeout(() => void this.flush(), PUSH_DELAY_MS);
  };

  private emit(type: string, arg: unknown): void {
    for (const cb of this.handlers.get(type) ?? []) (cb as (a: unknown) => void)(arg);
  }
}

export function asLexicalProvider(p: SectionTextProvider): Provider {
  return p as unknown as Provider;
}

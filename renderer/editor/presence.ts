// Others' carets in the editor, when the report is connected to the office network server (or this
// app serves it): the main process passes on where each person connected is (a `presence` event,
// everyone each time), and this window shares where its own person is (`network.presence`). The
// editor's awareness (the Provider interface Lexical's CollaborationPlugin reads) is filled from
// them, so Lexical draws each caret and name itself. Positions are Yjs relative positions: they
// name the characters a caret sits by, so they stay right while others type.
import type { UserState } from '@lexical/yjs';
import * as Y from 'yjs';
import type { PeerPresence } from '../../shared/api.js';
import { base64ToBytes, bytesToBase64 } from '../../shared/base64.js';
import { call, onEvent } from '../api/client.js';

/** How often at most this window says where its caret is (ms). */
const SHARE_MS = 120;

/** Caret colours, each dark enough for a white name on it (WCAG AA). */
const COLORS = ['#1f6feb', '#b35900', '#1a7f37', '#a40e26', '#6e40c9', '#0a7a83', '#9a3d8e', '#57606a'];

/** A person's colour, the same in every window and office. */
export function colorOf(memberId: string): string {
  let h = 0;
  for (let i = 0; i < memberId.length; i++) h = (h * 31 + memberId.charCodeAt(i)) >>> 0;
  return COLORS[h % COLORS.length]!;
}

let peers: PeerPresence[] = [];
/** The report is connected to the office server or served from here: sharing where one is means something. */
let connected = false;
const watchers = new Set<() => void>();
let stopWatching: (() => void) | null = null;

function watch(listener: () => void): () => void {
  watchers.add(listener);
  if (!stopWatching) {
    const take = (live: boolean, now: PeerPresence[]) => {
      connected = live;
      peers = now;
      for (const w of [...watchers]) w();
    };
    stopWatching = onEvent((event) => {
      if (event.kind === 'presence') take(event.live, event.peers);
    });
    // Connected before this window opened: where things stand now.
    call('network.peers', {}).then(
      (now) => take(now.live, now.peers),
      () => {},
    );
  }
  return () => {
    watchers.delete(listener);
    if (watchers.size === 0) {
      stopWatching?.();
      stopWatching = null;
    }
  };
}

function decode(position: string | null): Y.RelativePosition | null {
  if (!position) return null;
  try {
    return Y.decodeRelativePosition(base64ToBytes(position));
  } catch {
    return null;
  }
}

function encode(position: unknown): string | null {
  return position instanceof Y.RelativePosition ? bytesToBase64(Y.encodeRelativePosition(position)) : null;
}

/**
 * The awareness of one section's editor: its own state (Lexical's, kept here and shared with the
 * others) and the others' in the same section, as the main process tells them.
 */
export class SectionAwareness {
  private local: UserState | null = null;
  private others = new Map<number, UserState>();
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastShared = '';
  private unwatch: (() => void) | null = null;

  constructor(
    private readonly sectionId: string,
    /** Told the names of those in this section whenever they change. */
    private readonly onPeople?: (names: string[]) => void,
  ) {}

  /** Starts following the others (when the editor connects). */
  start(): void {
    this.unwatch ??= watch(() => {
      this.takePeers();
      this.shareSoon();
    });
    this.takePeers();
  }

  /** Stops, and tells the others this person left the section. */
  stop(): void {
    this.unwatch?.();
    this.unwatch = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (connected && this.lastShared) void call('network.presence', { sectionId: null, anchor: null, focus: null, focusing: false }).catch(() => {});
    this.lastShared = '';
  }

  getLocalState = (): UserState | null => this.local;
  getStates = (): Map<number, UserState> => {
    const states = new Map(this.others);
    // Lexical leaves client 0 out: its own state is never drawn as someone else's caret.
    if (this.local) states.set(0, this.local);
    return states;
  };
  on = (_type: 'update', cb: () => void): void => void this.listeners.add(cb);
  off = (_type: 'update', cb: () => void): void => void this.listeners.delete(cb);
  setLocalState = (state: UserState | null): void => {
    this.local = state;
    this.shareSoon();
  };
  setLocalStateField = (field: string, value: unknown): void => {
    if (!this.local) return;
    this.local = { ...this.local, [field]: value };
    this.shareSoon();
  };

  private takePeers(): void {
    const next = new Map<number, UserState>();
    for (const p of peers) {
      if (p.sectionId !== this.sectionId) continue;
      next.set(p.clientId, { name: p.name, color: colorOf(p.memberId), focusing: p.focusing, anchorPos: decode(p.anchor), focusPos: decode(p.focus), awarenessData: {} });
    }
    const names = (states: Map<number, UserState>) => [...states.values()].map((s) => `${s.name}\u0000${String(s.focusing)}`).join('\u0001');
    const changedPeople = names(next) !== names(this.others);
    this.others = next;
    for (const cb of [...this.listeners]) cb();
    if (changedPeople) this.onPeople?.([...new Set([...next.values()].map((s) => s.name))].sort((a, b) => a.localeCompare(b)));
  }

  /** Says where this person is, at most every SHARE_MS, and only when it changed. */
  private shareSoon(): void {
    if (!connected || !this.unwatch || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      const state = this.local;
      const input = { sectionId: this.sectionId, anchor: encode(state?.anchorPos), focus: encode(state?.focusPos), focusing: state?.focusing === true };
      const said = JSON.stringify(input);
      if (said === this.lastShared) return;
      this.lastShared = said;
      void call('network.presence', input).catch(() => {
        this.lastShared = '';
      });
    }, SHARE_MS);
  }
}

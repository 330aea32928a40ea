// Where each person connected to the office server is: the section they have open and their caret
// or selection in it, as Yjs relative positions (which name the characters they sit by, so they
// stay right while others type). Shared through Hocuspocus's awareness, which the server stamps
// with the member each connection acts as (never what it claims). What another office shares is
// read with this schema: anything else is left out, never thrown or shown.
import { z } from 'zod';

/** What this app shares about where its person is. */
export interface Presence {
  section: string | null;
  /** Base64 Yjs relative positions of the selection's ends; null when there is none. */
  anchor: string | null;
  focus: string | null;
  /** The editor has the keyboard focus. */
  focusing: boolean;
}

/** Another person connected, as their app shares it and the server names them. */
export interface Peer extends Presence {
  clientId: number;
  member: { id: string; name: string };
}

const position = z.string().max(1024).regex(/^[A-Za-z0-9+/]*={0,2}$/).nullable();
const shared = z.object({
  member: z.object({ id: z.string().max(200), name: z.string().max(400) }),
  section: z.string().max(200).nullable(),
  anchor: position,
  focus: position,
  focusing: z.boolean(),
});

/** The awareness field a Presence travels in. */
export const PRESENCE_FIELD = 'presence';

/** The peers among awareness states (Hocuspocus's list: each with its clientId), leaving out `own`. */
export function peersFrom(states: ReadonlyArray<{ clientId: number; [key: string]: unknown }>, own: number): Peer[] {
  const peers: Peer[] = [];
  for (const state of states) {
    if (state.clientId === own) continue;
    const presence = state[PRESENCE_FIELD];
    const parsed = shared.safeParse(presence && typeof presence === 'object' ? { ...presence, member: state.member } : null);
    if (parsed.success) peers.push({ clientId: state.clientId, ...parsed.data });
  }
  return peers;
}

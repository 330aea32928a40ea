// Where an office's app keeps its connection to the office server, per report: the address, the
// invitation, and the key that the invitation was bound to on first use. In the app's data folder,
// never in the report file: a copy of the report sent on must not carry the office's invitation.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { userError } from '../../shared/messages.js';

export interface ConnectionSettings {
  /** ws://computer:port or wss://computer:port */
  address: string;
  invitation: string;
  /** This office's key, made once: the invitation is bound to it on first use. */
  device: string;
  /** A PEM certificate to trust for wss:// (the secretariat's own), when the system does not. */
  ca: string | null;
}

function fileOf(dataDir: string, reportId: string): string {
  return path.join(dataDir, 'network', `${reportId.replace(/[^A-Za-z0-9-]/g, '_')}.json`);
}

export function savedConnection(dataDir: string, reportId: string): ConnectionSettings | null {
  try {
    const s = JSON.parse(fs.readFileSync(fileOf(dataDir, reportId), 'utf8')) as Partial<ConnectionSettings>;
    if (typeof s.address !== 'string' || typeof s.invitation !== 'string' || typeof s.device !== 'string') return null;
    return { address: s.address, invitation: s.invitation, device: s.device, ca: typeof s.ca === 'string' ? s.ca : null };
  } catch {
    return null;
  }
}

export function saveConnection(dataDir: string, reportId: string, settings: ConnectionSettings): void {
  const file = fileOf(dataDir, reportId);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(settings, null, 2), { mode: 0o600 });
}

/**
 * The settings for connecting with this address and invitation: the office's key is kept when the
 * invitation is the one saved (it is bound to it), and made anew for a new invitation.
 */
export function connectionFor(dataDir: string, reportId: string, address: string, invitation: string, ca: string | null): ConnectionSettings {
  checkAddress(address);
  const saved = savedConnection(dataDir, reportId);
  const device = saved && saved.invitation === invitation.trim() ? saved.device : randomBytes(24).toString('base64url');
  return { address: address.trim(), invitation: invitation.trim(), device, ca };
}

/** A server address as people write it: ws:// or wss://, a computer's name or address, a port. */
export function checkAddress(address: string): URL {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    throw userError('networkAddressInvalid', { address });
  }
  if ((url.protocol !== 'ws:' && url.protocol !== 'wss:') || !url.hostname) throw userError('networkAddressInvalid', { address });
  return url;
}

import i18next from 'i18next';
import { ApiError } from '../api/client.js';

/**
 * The words to show for a failed call: the main process's message in the interface language when
 * it sent a key this interface knows, else its own (English) message.
 */
export function messageOf(e: unknown): string {
  if (e instanceof ApiError) return messageText(e.key, e.params) ?? e.message;
  if (e instanceof Error) return e.message;
  return String(e);
}

/** A message of the main process's (shared/messages.ts), by key, in the interface language; null for a key it does not know. */
export function messageText(key: string | undefined, params: Record<string, string | number> = {}): string | null {
  if (!key || !i18next.exists(`errors:${key}`)) return null;
  const said: Record<string, string | number> = { ...params };
  // Roles are words of the interface too.
  if (typeof said.role === 'string' && i18next.exists(`role.${said.role}`)) said.role = i18next.t(`role.${said.role}` as never);
  return String(i18next.t(`errors:${key}` as never, said as never));
}

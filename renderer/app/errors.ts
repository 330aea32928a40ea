import i18next from 'i18next';
import { ApiError } from '../api/client.js';

/**
 * The words to show for a failed call: the main process's message in the interface language when
 * it sent a key this interface knows, else its own (English) message.
 */
export function messageOf(e: unknown): string {
  if (e instanceof ApiError) {
    if (e.key && i18next.exists(`errors:${e.key}`)) {
      const params: Record<string, string | number> = { ...e.params };
      // Roles are words of the interface too.
      if (typeof params.role === 'string' && i18next.exists(`role.${params.role}`)) params.role = i18next.t(`role.${params.role}` as never);
      return String(i18next.t(`errors:${e.key}` as never, params as never));
    }
    return e.message;
  }
  if (e instanceof Error) return e.message;
  return String(e);
}

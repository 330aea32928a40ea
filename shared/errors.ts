/**
 * An error meant for a person: the UI shows its message, the CLI prints it.
 * `code` lets tests and callers tell kinds apart without parsing words.
 */
export type UserErrorCode =
  | 'not_found'
  | 'forbidden'
  | 'invalid'
  | 'not_ours'
  | 'too_new'
  | 'damaged'
  | 'no_identity'
  | 'conflict'
  | 'io';

export class UserError extends Error {
  readonly code: UserErrorCode;
  /** The message's key and values (shared/messages.ts), for showing it in another language. */
  readonly translatable: { key: string; params?: Record<string, string | number> } | null;
  constructor(message: string, code: UserErrorCode = 'invalid', keyed: { key: string; params?: Record<string, string | number> } | null = null) {
    super(message);
    this.name = 'UserError';
    this.code = code;
    this.translatable = keyed;
  }
}

export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError || (typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'UserError');
}

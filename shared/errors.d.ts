/**
 * An error meant for a person: the UI shows its message, the CLI prints it.
 * `code` lets tests and callers tell kinds apart without parsing words.
 */
export type UserErrorCode = 'not_found' | 'forbidden' | 'invalid' | 'not_ours' | 'too_new' | 'damaged' | 'no_identity' | 'conflict' | 'io';
export declare class UserError extends Error {
    readonly code: UserErrorCode;
    constructor(message: string, code?: UserErrorCode);
}
export declare function isUserError(e: unknown): e is UserError;

// The only IPC channel names; nothing else in the app spells them. Kept apart from api.ts (which
// re-exports them) so the preload can use them without bundling zod and every schema.
export const IPC_CALL = 'upr:call';
export const IPC_EVENT = 'upr:event';

// GSE op_type numbers, as the operation APIs take them and the agent runs them (README, "Process
// operations and the host agent"). Browser-safe: no imports.

export const OP_TYPE = { START: 0, STOP: 1, STATUS: 2, REGISTER: 3, UNREGISTER: 4, RESTART: 7, RELOAD: 8, KILL: 9 } as const;

export type TOpTypeName = keyof typeof OP_TYPE;

/** Every op_type a request may ask for; anything else is refused before it is queued. */
export const VALID_OP_TYPES: readonly number[] = Object.values(OP_TYPE);

/**
 * The statuses a stored disclosure can have: the words its source uses, kept as written, and the
 * state the API serves each as. This table is the one place both sides read; a status not in it
 * cannot be written (the engine refuses it, naming the stream) and so is never silently served as
 * published.
 */
export const STATUS_STATES = {
  published: 'PUBLISHED',
  listed: 'PUBLISHED',
  amended: 'AMENDED',
  revoked: 'REVOKED',
  removed: 'REVOKED',
  expired: 'REVOKED',
  cancelled: 'REVOKED',
} as const;

export type StoredStatus = keyof typeof STATUS_STATES;

/** Each stored status by name, for code that writes or compares one (`STATUS.removed`). */
export const STATUS = Object.freeze(
  Object.fromEntries(Object.keys(STATUS_STATES).map((status) => [status, status])) as { readonly [S in StoredStatus]: S },
);
export type DisclosureState = (typeof STATUS_STATES)[StoredStatus];

export function isStoredStatus(status: string): status is StoredStatus {
  return Object.prototype.hasOwnProperty.call(STATUS_STATES, status);
}

/** The API state of a stored status; a row with any other status is a bug worth an error, not a guess. */
export function stateOfStatus(status: string): DisclosureState {
  if (!isStoredStatus(status)) throw new Error(`stored status "${status}" is not in the status contract (src/domain/contract/status.ts)`);
  return STATUS_STATES[status];
}

/** Every stored status served as `state`, for filters. */
export function statusesInState(state: string): StoredStatus[] {
  return (Object.keys(STATUS_STATES) as StoredStatus[]).filter((status) => STATUS_STATES[status] === state);
}

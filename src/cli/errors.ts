/** A command given wrong arguments: the message says which and what to write instead. */
export class UsageError extends Error {
  override name = 'UsageError';
}

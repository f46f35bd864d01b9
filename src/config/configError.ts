/**
 * A deployment's setting the hub cannot start with; its message says which and what to write.
 * Its own file, so that the readers of setting files (the review rules, the city) can throw it
 * without importing the whole configuration, which imports them.
 */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

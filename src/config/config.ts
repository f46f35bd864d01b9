import path from 'node:path';
import type { CitySetting } from './city';
import { loadCity } from './cityFile';
import { parseAdminTokens, type NamedAdmin } from './adminTokens';
import type { ReviewRule } from '../review/contract';
import { loadReviewRules } from '../review/rulesFile';
import { ConfigError } from './configError';

/**
 * Everything the hub reads from its environment, parsed once. docs/design.md fixes the variable names;
 * other programs and the CI rely on them.
 */
export interface HubConfig {
  /** PostgreSQL URL; undefined means the embedded PGlite database under `dataDir`. */
  databaseUrl?: string;
  /**
   * PostgreSQL URL of a streaming replica of `databaseUrl` (DATABASE_READ_URL): public GraphQL and
   * OCDS reads go there, syncs, migrations and admin work stay on the primary.
   */
  databaseReadUrl?: string;
  dataDir: string;
  port: number;
  host: string;
  /** Base URL of the feed endpoints; undefined means "start the bundled sample feed server". */
  feedsUrl?: string;
  /** Per-connector overrides (`HUB_FEED_<CONNECTOR>_URL`), keyed by lower-case connector name. */
  feedUrls: Record<string, string>;
  /** A directory of connector manifests loaded beside the built-in connectors (HUB_CONNECTORS_DIR). */
  connectorsDir?: string;
  /**
   * Who may use the admin fields and decide reviews: HUB_ADMIN_TOKENS (`name=token,…`) and
   * HUB_ADMIN_TOKEN (one admin named `admin`). Empty: admin fields are refused.
   */
  admins: NamedAdmin[];
  scheduleEnabled: boolean;
  /** The city the deployment serves: its divisions place every record in one region vocabulary. */
  city: CitySetting;
  /** The secrecy and privacy review's rules: the defaults, extended by the file at HUB_REVIEW_RULES. */
  reviewRules: readonly ReviewRule[];
  logLevel: string;
  /** Deep link to an enterprise on Credit China; `{uscc}` is replaced by the code. */
  creditChinaTemplate: string;
  /** NODE_ENV=production: internal errors are masked, field suggestions are off. */
  production: boolean;
  /** Whether the schema can be introspected; on outside production unless HUB_INTROSPECTION says. */
  introspection: boolean;
  /** Origins allowed to call the API from a browser (HUB_CORS_ORIGINS, comma-separated, or *). */
  corsOrigins: string[];
  /** Records per stream in the bundled sample feeds, when they are used (HUB_SAMPLE_SCALE). */
  sampleScale: number;
  /** Whether repeated public queries are answered from memory within their max-age. */
  responseCache: boolean;
  /**
   * The OCDS ocid prefix (HUB_OCDS_PREFIX). The default, ocds-213czf, is the placeholder of the OCDS
   * documentation: a deployment registers its own prefix with the Open Contracting Partnership.
   */
  ocdsPrefix: string;
  /** Publisher named in OCDS packages (HUB_PUBLISHER_NAME). */
  publisherName: string;
  /** Base URL partners reach the hub at (HUB_PUBLIC_URL), for OCDS package URIs and links behind a proxy. */
  publicUrl?: string;
}

export { ConfigError };

export function loadConfig(env: NodeJS.ProcessEnv = process.env): HubConfig {
  const production = env.NODE_ENV === 'production';
  const city = loadCity(env, (message) => new ConfigError(message));
  return {
    production,
    introspection: onOff(env.HUB_INTROSPECTION, 'HUB_INTROSPECTION') ?? !production,
    corsOrigins: (nonEmpty(env.HUB_CORS_ORIGINS) ?? '').split(',').map((o) => o.trim()).filter(Boolean),
    sampleScale: positiveInt(env.HUB_SAMPLE_SCALE ?? '300', 'HUB_SAMPLE_SCALE'),
    responseCache: onOff(env.HUB_RESPONSE_CACHE, 'HUB_RESPONSE_CACHE') ?? true,
    ocdsPrefix: ocdsPrefix(nonEmpty(env.HUB_OCDS_PREFIX) ?? 'ocds-213czf'),
    publisherName: nonEmpty(env.HUB_PUBLISHER_NAME) ?? city.ocdsPublisher,
    publicUrl: publicUrl(nonEmpty(env.HUB_PUBLIC_URL)),
    databaseUrl: nonEmpty(env.DATABASE_URL),
    databaseReadUrl: readReplicaUrl(nonEmpty(env.DATABASE_READ_URL), nonEmpty(env.DATABASE_URL)),
    dataDir: path.resolve(nonEmpty(env.HUB_DATA_DIR) ?? '.hub'),
    port: parsePort(env.PORT ?? '4000', 'PORT'),
    host: nonEmpty(env.HOST) ?? '0.0.0.0',
    feedsUrl: nonEmpty(env.HUB_FEEDS_URL)?.replace(/\/+$/, ''),
    feedUrls: feedOverrides(env),
    connectorsDir: connectorsDirOf(env),
    admins: parseAdminTokens(env, (message) => new ConfigError(message)),
    scheduleEnabled: (env.HUB_SCHEDULE ?? '').toLowerCase() !== 'off',
    city,
    reviewRules: loadReviewRules(env),
    logLevel: nonEmpty(env.LOG_LEVEL) ?? 'info',
    creditChinaTemplate:
      nonEmpty(env.HUB_CREDIT_CHINA_URL) ?? 'https://www.creditchina.gov.cn/xinyongxinxi/index.html?keyword={uscc}',
  };
}

/** HUB_CONNECTORS_DIR as an absolute path, or undefined; read alone by the CLI before any command. */
export function connectorsDirOf(env: NodeJS.ProcessEnv): string | undefined {
  const dir = nonEmpty(env.HUB_CONNECTORS_DIR);
  return dir === undefined ? undefined : path.resolve(dir);
}

/** Registered prefixes are "ocds-" and six letters or digits. */
function ocdsPrefix(raw: string): string {
  if (!/^ocds-[a-z0-9]{6}$/.test(raw)) throw new ConfigError(`HUB_OCDS_PREFIX must be a registered ocid prefix such as ocds-213czf, got "${raw}"`);
  return raw;
}

function publicUrl(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  if (!/^https?:\/\/[^/\s]+/.test(raw)) throw new ConfigError(`HUB_PUBLIC_URL must be an http(s) URL such as https://hub.example.cn, got "${raw}"`);
  return raw.replace(/\/+$/, '');
}

/** A read replica only makes sense beside a PostgreSQL primary: the embedded database has none. */
function readReplicaUrl(readUrl: string | undefined, primaryUrl: string | undefined): string | undefined {
  if (readUrl !== undefined && primaryUrl === undefined) {
    throw new ConfigError(
      'DATABASE_READ_URL is set but DATABASE_URL is not: a read replica needs a PostgreSQL primary, and the embedded database has no replicas. Set DATABASE_URL to the primary, or unset DATABASE_READ_URL.',
    );
  }
  return readUrl;
}

function positiveInt(raw: string, name: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new ConfigError(`${name} must be a whole number above 0, got "${raw}"`);
  return n;
}

function onOff(value: string | undefined, name: string): boolean | undefined {
  const v = nonEmpty(value)?.toLowerCase();
  if (v === undefined) return undefined;
  if (['on', 'true', '1', 'yes'].includes(v)) return true;
  if (['off', 'false', '0', 'no'].includes(v)) return false;
  throw new ConfigError(`${name} must be on or off, got "${value}"`);
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

export function parsePort(raw: string, name: string): number {
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`${name} must be a port number between 0 and 65535, got "${raw}"`);
  }
  return port;
}

/**
 * The key of a connector's HUB_FEED_<CONNECTOR>_URL in `feedUrls`: its name in lower case with any
 * other character as `_`, since a variable name cannot hold the dash a connector name may
 * (county-credit → HUB_FEED_COUNTY_CREDIT_URL).
 */
export function feedUrlKey(connector: string): string {
  return connector.toLowerCase().replace(/[^a-z0-9]/g, '_');
}

function feedOverrides(env: NodeJS.ProcessEnv): Record<string, string> {
  const overrides: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    const match = /^HUB_FEED_([A-Z0-9_]+)_URL$/.exec(key);
    const url = nonEmpty(value);
    if (match && url) overrides[match[1].toLowerCase()] = url.replace(/\/+$/, '');
  }
  return overrides;
}

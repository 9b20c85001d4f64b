import { isAbsolute, resolve } from 'node:path';
import { isLocalDate } from '@baytaq/domain';
import { parseSignerKey } from '../log/signed-note';

export type StoreKind = 'sqlite' | 'kurrentdb';

export interface RegistryConfig {
  port: number;
  host: string;
  dataDir: string;
  store: StoreKind;
  kurrentDbUrl: string | undefined;
  adminKey: string | undefined;
  timezone: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Keys the HMAC of IIN reservation streams; generated into the data directory when not given. */
  iinSecret: string | undefined;
  /** Wraps people's data keys (64 hex digits); generated into the data directory when not given. */
  masterKey: string | undefined;
  /** Minimum age for admission: party-charter practice, not law. */
  minAge: number;
  /** Largest JSON body accepted, in bytes. */
  bodyLimit: number;
  /** Deepest nesting of objects and arrays a JSON body may have; deeper is 400 `request.too_deep`. */
  maxJsonDepth: number;
  /**
   * The first day the 2022 amendment of the Law "On Political Parties" applies (5,000 members and
   * 200 per region instead of 20,000 and 600). Not verified in the law's text: DOMAIN.md makes it
   * configuration. Default 2022-11-05, the day the amending laws were signed (Interfax, 5 Nov 2022).
   */
  law2022Effective: string;
  /** Largest member import file accepted (POST /v1/imports/members), in bytes; larger is 413. */
  importMaxBytes: number;
  /** Event feed streams (SSE) open at once: in total (beyond: 503), and per client, a key or else an address (429). */
  sseMaxStreams: number;
  sseMaxStreamsPerClient: number;
  /** Seconds between the `: keep-alive` comments of a feed stream. */
  sseHeartbeatSeconds: number;
  /** Failed authentications an address may make at once, and how many more it may make each second after. */
  authFailureBurst: number;
  authFailuresPerSecond: number;
  /** The built explorer (apps/explorer) served at `/`; `npm run build` writes it to dist/explorer. */
  explorerDir: string;
  /** The log's Ed25519 signer key (`PRIVATE+KEY+<name>+<id>+<key>`); generated into the data directory when not given. */
  logKey: string | undefined;
  /** Whether the writer keeps the Merkle tree of the log; off only for bench:integrity's baseline. */
  logTree: boolean;
  /** Years after a membership ends that a former member who held no post is listed for erasure (retention report). */
  retentionYears: number;
}

/** A variable of the environment that the registry cannot start with. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable}: ${problem}`);
  }
}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(name, `must be a whole number from ${min} to ${max}, got ${JSON.stringify(raw)}`);
  }
  return Number(raw);
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got ${JSON.stringify(raw)}`);
  }
  return raw as T;
}

function timezone(env: Env): string {
  const zone = env['REGISTRY_TIMEZONE'] || 'Asia/Almaty';
  try {
    new Intl.DateTimeFormat('en-CA', { timeZone: zone });
  } catch {
    throw new ConfigError('REGISTRY_TIMEZONE', `unknown IANA time zone ${JSON.stringify(zone)}`);
  }
  return zone;
}

function kurrentDbUrl(env: Env, store: StoreKind): string | undefined {
  const url = env['REGISTRY_KURRENTDB_URL'] || undefined;
  if (store === 'kurrentdb' && !url) {
    throw new ConfigError('REGISTRY_KURRENTDB_URL', 'is required when REGISTRY_STORE=kurrentdb');
  }
  if (url && !/^(kurrentdb|kdb|esdb|eventstore)(\+discover)?:\/\/[^\s]+$/.test(url)) {
    throw new ConfigError('REGISTRY_KURRENTDB_URL', `is not a KurrentDB connection string: ${JSON.stringify(url)}`);
  }
  return url;
}

function localDate(env: Env, name: string, fallback: string): string {
  const raw = env[name] || fallback;
  if (!isLocalDate(raw)) throw new ConfigError(name, `must be a date YYYY-MM-DD, got ${JSON.stringify(raw)}`);
  return raw;
}

function masterKey(env: Env): string | undefined {
  const key = env['REGISTRY_MASTER_KEY'] || undefined;
  if (key !== undefined && !/^[0-9a-fA-F]{64}$/.test(key)) {
    throw new ConfigError('REGISTRY_MASTER_KEY', 'must be 32 bytes written as 64 hex digits');
  }
  return key;
}

function adminKey(env: Env): string | undefined {
  const key = env['REGISTRY_ADMIN_KEY'] || undefined;
  if (key !== undefined && (key.length < 24 || /\s/.test(key))) {
    throw new ConfigError('REGISTRY_ADMIN_KEY', 'must be at least 24 characters without spaces');
  }
  return key;
}

function logKey(env: Env): string | undefined {
  const key = env['REGISTRY_LOG_KEY'] || undefined;
  try {
    if (key !== undefined) parseSignerKey(key);
  } catch (error) {
    throw new ConfigError('REGISTRY_LOG_KEY', `${(error as Error).message} (the value is not shown: it is a secret)`);
  }
  return key;
}

/** Reads and validates the environment: a bad value names its variable. */
export function loadConfig(env: Env = process.env, cwd = process.cwd()): RegistryConfig {
  const store = oneOf(env, 'REGISTRY_STORE', ['sqlite', 'kurrentdb'] as const, 'sqlite');
  const dataDir = env['REGISTRY_DATA_DIR'] || './data';
  const explorerDir = env['REGISTRY_EXPLORER_DIR'] || './dist/explorer';
  const host = env['HOST'] || '127.0.0.1';
  if (!/^[A-Za-z0-9.:[\]-]+$/.test(host))
    throw new ConfigError('HOST', `not a host name or address: ${JSON.stringify(host)}`);
  return {
    port: integer(env, 'PORT', 3000, 0, 65535),
    host,
    dataDir: isAbsolute(dataDir) ? dataDir : resolve(cwd, dataDir),
    store,
    kurrentDbUrl: kurrentDbUrl(env, store),
    adminKey: adminKey(env),
    timezone: timezone(env),
    logLevel: oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
    iinSecret: env['REGISTRY_IIN_SECRET'] || undefined,
    masterKey: masterKey(env),
    minAge: integer(env, 'REGISTRY_MIN_AGE', 18, 14, 100),
    bodyLimit: integer(env, 'REGISTRY_BODY_LIMIT', 1024 * 1024, 1024, 64 * 1024 * 1024),
    maxJsonDepth: integer(env, 'REGISTRY_MAX_JSON_DEPTH', 64, 8, 256),
    law2022Effective: localDate(env, 'REGISTRY_LAW_2022_EFFECTIVE', '2022-11-05'),
    importMaxBytes: integer(env, 'REGISTRY_IMPORT_MAX_BYTES', 50 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    sseMaxStreams: integer(env, 'REGISTRY_SSE_MAX_STREAMS', 200, 1, 100_000),
    sseMaxStreamsPerClient: integer(env, 'REGISTRY_SSE_MAX_STREAMS_PER_CLIENT', 10, 1, 100_000),
    sseHeartbeatSeconds: integer(env, 'REGISTRY_SSE_HEARTBEAT_SECONDS', 15, 1, 3600),
    authFailureBurst: integer(env, 'REGISTRY_AUTH_FAILURE_BURST', 20, 1, 1_000_000),
    authFailuresPerSecond: integer(env, 'REGISTRY_AUTH_FAILURES_PER_SECOND', 1, 1, 1_000_000),
    explorerDir: isAbsolute(explorerDir) ? explorerDir : resolve(cwd, explorerDir),
    logKey: logKey(env),
    logTree: oneOf(env, 'REGISTRY_LOG_TREE', ['on', 'off'] as const, 'on') === 'on',
    retentionYears: integer(env, 'REGISTRY_RETENTION_YEARS', 5, 1, 100),
  };
}

export const REGISTRY_CONFIG = Symbol('REGISTRY_CONFIG');

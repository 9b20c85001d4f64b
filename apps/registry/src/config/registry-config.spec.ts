import { ConfigError, loadConfig } from './registry-config';

describe('configuration', () => {
  it('has the defaults of API.md', () => {
    const config = loadConfig({}, '/srv/registry');
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      dataDir: '/srv/registry/data',
      store: 'sqlite',
      kurrentDbUrl: undefined,
      adminKey: undefined,
      timezone: 'Asia/Almaty',
    });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ REGISTRY_STORE: 'postgres' }, 'REGISTRY_STORE'],
    [{ REGISTRY_STORE: 'kurrentdb' }, 'REGISTRY_KURRENTDB_URL'],
    [{ REGISTRY_KURRENTDB_URL: 'http://localhost:2113' }, 'REGISTRY_KURRENTDB_URL'],
    [{ REGISTRY_ADMIN_KEY: 'short' }, 'REGISTRY_ADMIN_KEY'],
    [{ REGISTRY_MASTER_KEY: 'not hex at all' }, 'REGISTRY_MASTER_KEY'],
    [{ REGISTRY_MASTER_KEY: 'ab'.repeat(31) }, 'REGISTRY_MASTER_KEY'],
    [{ REGISTRY_TIMEZONE: 'Mars/Olympus' }, 'REGISTRY_TIMEZONE'],
    [{ HOST: 'a host' }, 'HOST'],
    [{ REGISTRY_LAW_2022_EFFECTIVE: '2022-13-01' }, 'REGISTRY_LAW_2022_EFFECTIVE'],
    [{ REGISTRY_IMPORT_MAX_BYTES: '50MB' }, 'REGISTRY_IMPORT_MAX_BYTES'],
    [{ REGISTRY_SSE_MAX_STREAMS: '0' }, 'REGISTRY_SSE_MAX_STREAMS'],
    [{ REGISTRY_SSE_MAX_STREAMS_PER_CLIENT: 'ten' }, 'REGISTRY_SSE_MAX_STREAMS_PER_CLIENT'],
    [{ REGISTRY_SSE_HEARTBEAT_SECONDS: '0.5' }, 'REGISTRY_SSE_HEARTBEAT_SECONDS'],
    [{ REGISTRY_AUTH_FAILURE_BURST: '-1' }, 'REGISTRY_AUTH_FAILURE_BURST'],
    [{ REGISTRY_AUTH_FAILURES_PER_SECOND: '0' }, 'REGISTRY_AUTH_FAILURES_PER_SECOND'],
    [{ REGISTRY_LOG_KEY: 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW' }, 'REGISTRY_LOG_KEY'],
    [
      { REGISTRY_LOG_KEY: 'PRIVATE+KEY+PeterNeumann+00000000+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz' },
      'REGISTRY_LOG_KEY',
    ],
    [{ REGISTRY_LOG_TREE: 'no' }, 'REGISTRY_LOG_TREE'],
  ])('refuses %j naming %s', (env, variable) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(variable);
    expect((error as Error).message).toContain(variable);
  });

  it('takes a KurrentDB connection string and an absolute data directory', () => {
    const config = loadConfig({
      REGISTRY_STORE: 'kurrentdb',
      REGISTRY_KURRENTDB_URL: 'kurrentdb://localhost:2113?tls=false',
      REGISTRY_DATA_DIR: '/var/lib/baytaq',
      PORT: '8080',
    });
    expect(config).toMatchObject({ store: 'kurrentdb', dataDir: '/var/lib/baytaq', port: 8080 });
  });

  it('dates the 2022 amendment of the law on parties from configuration, with a default', () => {
    expect(loadConfig({}).law2022Effective).toBe('2022-11-05');
    expect(loadConfig({ REGISTRY_LAW_2022_EFFECTIVE: '2022-06-08' }).law2022Effective).toBe('2022-06-08');
  });

  it('accepts member import files of 50 MiB unless REGISTRY_IMPORT_MAX_BYTES says otherwise', () => {
    expect(loadConfig({}).importMaxBytes).toBe(52_428_800);
    expect(loadConfig({ REGISTRY_IMPORT_MAX_BYTES: '4096' }).importMaxBytes).toBe(4096);
  });

  it('bounds feed streams and failed authentications, with defaults', () => {
    expect(loadConfig({})).toMatchObject({
      sseMaxStreams: 200,
      sseMaxStreamsPerClient: 10,
      sseHeartbeatSeconds: 15,
      authFailureBurst: 20,
      authFailuresPerSecond: 1,
    });
    const env = { REGISTRY_SSE_MAX_STREAMS: '600', REGISTRY_AUTH_FAILURE_BURST: '3' };
    expect(loadConfig(env)).toMatchObject({ sseMaxStreams: 600, authFailureBurst: 3 });
  });
});

import { loadConfig, ConfigError } from '../../src/config/config';

describe('configuration from the environment', () => {
  test('defaults: embedded database under ./.hub, port 4000, scheduler on, introspection on', () => {
    const c = loadConfig({});
    expect(c.databaseUrl).toBeUndefined();
    expect(c.dataDir).toMatch(/\.hub$/);
    expect(c.port).toBe(4000);
    expect(c.scheduleEnabled).toBe(true);
    expect(c.introspection).toBe(true);
    expect(c.production).toBe(false);
    expect(c.corsOrigins).toEqual([]);
  });

  test('production turns introspection off unless HUB_INTROSPECTION turns it on', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).introspection).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', HUB_INTROSPECTION: 'on' }).introspection).toBe(true);
    expect(() => loadConfig({ HUB_INTROSPECTION: 'maybe' })).toThrow(ConfigError);
  });

  test('feed URLs, per-connector overrides, schedule off, CORS list, bad port', () => {
    const c = loadConfig({ HUB_FEEDS_URL: 'http://feeds/', HUB_FEED_CREDIT_URL: 'http://credit.example/api/', HUB_SCHEDULE: 'off', HUB_CORS_ORIGINS: 'https://a.cn, https://b.cn' });
    expect(c.feedsUrl).toBe('http://feeds');
    expect(c.feedUrls).toEqual({ credit: 'http://credit.example/api' });
    expect(c.scheduleEnabled).toBe(false);
    expect(c.corsOrigins).toEqual(['https://a.cn', 'https://b.cn']);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT must be a port number/);
  });

  test('DATABASE_READ_URL names a replica of DATABASE_URL; with the embedded database it is refused', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://hub@db/hub', DATABASE_READ_URL: 'postgres://hub@replica/hub' });
    expect(c.databaseReadUrl).toBe('postgres://hub@replica/hub');
    expect(loadConfig({ DATABASE_URL: 'postgres://hub@db/hub' }).databaseReadUrl).toBeUndefined();
    expect(() => loadConfig({ DATABASE_READ_URL: 'postgres://hub@replica/hub' })).toThrow(/DATABASE_READ_URL is set but DATABASE_URL is not/);
  });
});

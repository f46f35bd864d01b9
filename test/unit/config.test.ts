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

  describe('admins: HUB_ADMIN_TOKENS and HUB_ADMIN_TOKEN', () => {
    test('named tokens, HUB_ADMIN_TOKEN as the admin named "admin", and both at once', () => {
      expect(loadConfig({}).admins).toEqual([]);
      expect(loadConfig({ HUB_ADMIN_TOKEN: ' s3cret ' }).admins).toEqual([{ name: 'admin', token: 's3cret' }]);
      expect(loadConfig({ HUB_ADMIN_TOKENS: 'zhangwei=tok-1, 李娜=dG9rZW4=' }).admins).toEqual([
        { name: 'zhangwei', token: 'tok-1' },
        { name: '李娜', token: 'dG9rZW4=' },
      ]);
      expect(loadConfig({ HUB_ADMIN_TOKENS: 'zhangwei=tok-1', HUB_ADMIN_TOKEN: 'tok-0' }).admins.map((a) => a.name)).toEqual(['zhangwei', 'admin']);
    });

    test('every malformed entry is refused with its place, and no token is echoed', () => {
      const refused = (value: string, extra: Record<string, string> = {}) => {
        try {
          loadConfig({ HUB_ADMIN_TOKENS: value, ...extra });
        } catch (error) {
          expect(error).toBeInstanceOf(ConfigError);
          return (error as Error).message;
        }
        throw new Error(`HUB_ADMIN_TOKENS="${value}" was accepted`);
      };
      expect(refused('zhangwei=tok-1,,lina=tok-2')).toMatch(/entry 2 is empty/);
      expect(refused('zhangwei')).toMatch(/entry 1 has no "=".*name=token/);
      expect(refused('=tok-secret')).toMatch(/entry 1 has no name/);
      expect(refused('lina=')).toMatch(/entry 1 \(lina\) has no token/);
      expect(refused('li na=tok-secret')).toMatch(/may hold only letters, digits/);
      expect(refused('lina=tok secret')).toMatch(/contains a blank/);
      expect(refused('lina=tok-1,lina=tok-2')).toMatch(/"lina" is given twice/);
      expect(refused('admin=tok-1', { HUB_ADMIN_TOKEN: 'tok-2' })).toMatch(/"admin" is given twice.*HUB_ADMIN_TOKEN/);
      expect(refused('lina=tok-secret,wang=tok-secret')).toMatch(/"lina" and "wang" have the same token/);
      for (const value of ['=tok-secret', 'li na=tok-secret', 'lina=tok-secret,wang=tok-secret']) expect(refused(value)).not.toContain('tok-secret');
    });
  });
});

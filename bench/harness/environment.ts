import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './paths';
import { adminQuery } from './postgres';

export interface Environment {
  node: string;
  postgres: string;
  cpus: number;
  /** Server settings that move the figures (which ones depends on the benchmark). */
  settings: Record<string, string>;
}

/** Node, the PostgreSQL server's version and the named settings of it, and the CPUs: the report's header. */
export async function describeEnvironment(adminUrl: string, settingNames: readonly string[]): Promise<Environment> {
  const names = ['server_version', ...settingNames].map((n) => `'${n}'`).join(', ');
  const rows = await adminQuery<{ name: string; setting: string }>(
    adminUrl,
    `SELECT name, current_setting(name) AS setting FROM pg_settings WHERE name IN (${names}) ORDER BY name`,
  );
  const { server_version: postgres, ...settings } = Object.fromEntries(rows.map((r) => [r.name, r.setting]));
  return { node: process.version, postgres, cpus: os.cpus().length, settings };
}

/** The installed version of a package the benchmark drives or compares with, for the report's header. */
export function packageVersion(pkg: string): string {
  return (JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
}

import fs from 'node:fs';
import Ajv from 'ajv';
import { CITY_SCHEMA, DEFAULT_CITY, type CitySetting } from './city';

/**
 * The city a deployment serves: HUB_CITY_FILE (a JSON file shaped as CITY_SCHEMA) or 大庆市, with
 * HUB_SOURCE_LINK_<CONNECTOR> overriding one connector's source link pattern. A file that does not
 * fit is refused with every mistake and its place, so the hub never starts half-configured.
 */
export function loadCity(env: NodeJS.ProcessEnv, fail: (message: string) => Error): CitySetting {
  const file = env.HUB_CITY_FILE?.trim();
  const city = file ? readCityFile(file, fail) : DEFAULT_CITY;
  const links = sourceLinkOverrides(env, fail);
  return Object.keys(links).length ? { ...city, sourceLinks: { ...city.sourceLinks, ...links } } : city;
}

function readCityFile(file: string, fail: (message: string) => Error): CitySetting {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw fail(`HUB_CITY_FILE ${file} could not be read as JSON: ${(error as Error).message}`);
  }
  const validate = new Ajv({ allErrors: true, strict: false }).compile(CITY_SCHEMA);
  if (!validate(parsed)) {
    const mistakes = (validate.errors ?? []).map((e) => `  ${e.instancePath || '(top level)'}: ${e.message}`);
    throw fail(`HUB_CITY_FILE ${file} is not a city setting (see docs/standards/city.md):\n${mistakes.join('\n')}`);
  }
  const city = parsed as CitySetting;
  const outside = city.districts.filter((d) => d.code.slice(0, 4) !== city.code.slice(0, 4));
  if (outside.length) throw fail(`HUB_CITY_FILE ${file}: districts ${outside.map((d) => `${d.name} (${d.code})`).join(', ')} are not under ${city.name} (${city.code})`);
  return city;
}

function sourceLinkOverrides(env: NodeJS.ProcessEnv, fail: (message: string) => Error): Record<string, string> {
  const links: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    const match = /^HUB_SOURCE_LINK_([A-Z0-9_]+)$/.exec(key);
    const pattern = value?.trim();
    if (!match || !pattern) continue;
    if (!/^https?:\/\//.test(pattern)) throw fail(`${key} must be an http(s) address pattern such as http://ggzy.example.gov.cn/jyxx/{key}.html, got "${pattern}"`);
    links[match[1].toLowerCase()] = pattern;
  }
  return links;
}

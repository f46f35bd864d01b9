import fs from 'node:fs';
import path from 'node:path';

/**
 * The operations the portal sends, by their exported names (portal/js/queries.js, a browser
 * module that node cannot import: its exports are read as text).
 */
export function portalQueries(): Record<string, string> {
  const source = fs.readFileSync(path.resolve(__dirname, '../../portal/js/queries.js'), 'utf8');
  const exported: Record<string, string> = {};
  new Function('exported', source.replace(/^export const (\w+) =/gm, 'exported.$1 =')).call(null, exported);
  return exported;
}

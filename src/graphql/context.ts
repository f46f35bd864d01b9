import type { Knex } from 'knex';
import { createLoaders, type Loaders } from './loaders';

export interface HubContext {
  knex: Knex;
  loaders: Loaders;
  creditChinaUrl: (uscc: string) => string;
}

export function createContext(knex: Knex, creditChinaTemplate: string): HubContext {
  return {
    knex,
    loaders: createLoaders(knex),
    creditChinaUrl: (uscc) => creditChinaTemplate.replace('{uscc}', encodeURIComponent(uscc)),
  };
}

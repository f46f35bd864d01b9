import type { QueryName } from '../options';
import type { Workload } from '../workload';
import { domain } from './domain';
import { list } from './list';
import { ppp } from './ppp';
import { processes } from './processes';
import { profile } from './profile';
import { search } from './search';

/** Every workload of the API benchmark, by the name --queries takes. */
export const WORKLOADS: Record<QueryName, Workload> = { list, domain, profile, search, processes, ppp };

import type { HubContext } from '../context';
import { scopedList } from '../disclosures/list';
import { linkedEntity } from '../entity/loaders';
import { pppProjectScope } from './scope';
import { validCodeOf, type ServedBody } from './served';

/** The PPP project library (PPP项目库): projects are served as mapped (served.ts). */
export const pppResolvers = {
  Query: { pppProjects: scopedList(pppProjectScope) },
  PppBody: {
    usccValid: (body: ServedBody) => validCodeOf(body) !== null,
    entity: (body: ServedBody, _: unknown, ctx: HubContext) => linkedEntity(ctx, validCodeOf(body)),
  },
};

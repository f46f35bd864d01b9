import type { HubContext } from '../context';
import { listDisclosures, type DisclosureListArgs } from '../queries/disclosureList';

/** An entity as the API shows it: a stored enterprise, or a flagged code that links to nothing. */
export interface EntityView {
  uscc: string;
  name: string;
  usccValid: boolean;
  usccReason?: string | null;
}

export const entityResolvers = {
  Entity: {
    creditChinaUrl: (e: EntityView, _: unknown, ctx: HubContext) => (e.usccValid ? ctx.creditChinaUrl(e.uscc) : null),
    disclosures: (e: EntityView, args: DisclosureListArgs, ctx: HubContext) =>
      listDisclosures(ctx.knex, args, (q) => {
        // A valid code lists what is linked to the entity; a flagged one, what carries that code.
        if (e.usccValid) q.where('d.entity_uscc', e.uscc);
        else q.where('d.subject_uscc', e.uscc);
      }),
  },
};

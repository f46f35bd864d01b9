import { CREDIT } from '../../domain/contract';
import { scopedList } from '../disclosures/list';
import { licenceScope, listingScope, penaltyScope, type LicenceFilter, type ListingFilter, type PenaltyFilter } from './scopes';

interface FilterArgs<F> {
  filter?: F | null;
}

/**
 * Enterprise credit publicity (信用信息公示): one list per kind, narrowed by its filter. The records
 * themselves are served as mapped (served.ts) and need no field resolvers.
 */
export const creditResolvers = {
  Query: {
    penalties: scopedList((args: FilterArgs<PenaltyFilter>) => penaltyScope(args.filter)),
    licences: scopedList((args: FilterArgs<LicenceFilter>) => licenceScope(args.filter)),
    abnormalOperations: scopedList((args: FilterArgs<ListingFilter>) => listingScope(CREDIT.kinds.abnormalOperation, args.filter)),
    seriousViolations: scopedList((args: FilterArgs<ListingFilter>) => listingScope(CREDIT.kinds.seriousViolation, args.filter)),
  },
};

import { STATUS } from '../../domain/contract';

/**
 * A market-regulator listing's stored status is the list's own word; the API's CreditListingState
 * names the same two states. A listing is removed exactly when its stored status says so.
 */
export const LISTING_STATUS = { LISTED: STATUS.listed, REMOVED: STATUS.removed } as const;

export type ListingState = keyof typeof LISTING_STATUS;

export function listingState(storedStatus: string): ListingState {
  return storedStatus === LISTING_STATUS.REMOVED ? 'REMOVED' : 'LISTED';
}

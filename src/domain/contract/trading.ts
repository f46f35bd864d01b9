import { domainContract } from './domainContract';
import { STATUS } from './status';

export type { TradingNoticeAttributes } from '../tradingNotice';

/**
 * Public resource trading (docs/standards/trading-ocds.md): the platform's notices, stored one per
 * notice and grouped into processes by project code and lot code (a process is one lot, 标段/包, of
 * a project). Roles follow the OCDS partyRole codelist, with transferor/transferee for sales of land
 * and property rights (the codelist is open).
 */
export const TRADING = domainContract({
  domain: 'TRADING',
  kinds: { notice: 'trading-notice' },
  statuses: [STATUS.published, STATUS.cancelled],
  roles: {
    buyer: 'buyer',
    transferor: 'transferor',
    agency: 'procuringEntity',
    bidder: 'tenderer',
    supplier: 'supplier',
    transferee: 'transferee',
  },
});

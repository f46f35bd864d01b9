import { connector } from '../../src/connectorKit';
import { tradingNotices } from './notices/stream';

/**
 * Public resource trading (公共资源交易): the notices of a trading platform, every type in one
 * stream. Notices sharing a project code form one contracting process (src/domain/trading.ts).
 */
export const trading = connector({
  name: 'trading',
  domain: 'TRADING',
  streams: [tradingNotices],
});


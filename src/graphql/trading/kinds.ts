/** The stored kind of the trading connector (connectors/trading): every notice, whatever its type. */
export const TRADING_NOTICE_KIND = 'trading-notice';

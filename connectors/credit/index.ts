import { connector } from '../../src/connectorKit';
import { abnormalOperations } from './abnormal-operations/stream';
import { licences } from './licences/stream';
import { penalties2016 } from './penalties-2016/stream';
import { penalties } from './penalties/stream';
import { seriousViolations } from './serious-violations/stream';

/**
 * Credit publicity (信用信息公示): the 双公示 licensing and penalty records (2019 template, and the
 * 2016-era penalty export), and the market regulator's abnormal-operations and serious-violations
 * lists. Every record links to its party by unified social credit code.
 */
export const credit = connector({
  name: 'credit',
  domain: 'CREDIT',
  streams: [licences, penalties, penalties2016, abnormalOperations, seriousViolations],
});


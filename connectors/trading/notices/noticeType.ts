import { classifyNoticeType, noticeTypeByCode, type NoticeTypeInfo } from '../../../src/connectorKit';
import type { TradingNoticeRecord } from './schema';

export interface ResolvedNoticeType {
  info: NoticeTypeInfo;
  from: 'code' | 'name' | 'title';
}

/**
 * A notice's type: the platform's code when it gives one (structured data beats words), else the
 * type name, else the title. Throwing quarantines the notice: a notice of unknown type cannot be
 * placed in its process.
 */
export function resolveNoticeType(record: TradingNoticeRecord): ResolvedNoticeType {
  const byCode = record.noticeTypeCode ? noticeTypeByCode(record.noticeTypeCode) : undefined;
  if (byCode) return { info: byCode, from: 'code' };
  const byName = record.noticeTypeName ? classifyNoticeType(record.noticeTypeName) : undefined;
  if (byName) return { info: byName, from: 'name' };
  const byTitle = classifyNoticeType(record.noticeTitle);
  if (byTitle) return { info: byTitle, from: 'title' };
  throw new Error(
    `notice type unknown: no noticeTypeCode, and neither noticeTypeName ${JSON.stringify(record.noticeTypeName ?? null)} ` +
      `nor noticeTitle ${JSON.stringify(record.noticeTitle)} names one (expected e.g. 招标公告, 更正公告, 中标结果公告, 终止公告)`,
  );
}

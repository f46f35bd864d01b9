import { creditDay, requireChinaTime, type DisclosureInput, type MappingContext } from '../../../src/connectorKit';
import { mapAuthority, type MappedAuthority } from './authority';
import { present, publicText, required } from './text';

/**
 * The fields both market-regulator lists (经营异常名录, 严重违法失信企业名单) share, named as the
 * enterprise credit publicity system's data exchange writes them: ID (the listing's own id),
 * UNISCID 统一社会信用代码, REGNO 注册号, ENTNAME 企业名称, ABNTIME 列入日期, DECORG 作出决定机关.
 */
export interface ListEntryRecord {
  ID: string;
  UNISCID?: string | null;
  REGNO?: string | null;
  ENTNAME: string;
  ABNTIME: string;
  DECORG: string;
}

export interface MappedListEntry {
  subject: NonNullable<DisclosureInput['subject']>;
  authority: MappedAuthority;
  publishedAt: Date;
  attributes: {
    enterprise: { name: string; registrationNumber: string | null };
    listing: { date: string; authority: string };
  };
}

/** The listed enterprise (linked by its code), the deciding body and the listing date. */
export function listEntry(record: ListEntryRecord, context: MappingContext): MappedListEntry {
  const name = publicText(record.ENTNAME)!;
  const authority = mapAuthority({ name: required(record.DECORG, 'DECORG') }, context.city);
  return {
    subject: { uscc: present(record.UNISCID) ?? null, name },
    authority,
    publishedAt: requireChinaTime(record.ABNTIME, 'ABNTIME'),
    attributes: {
      enterprise: { name, registrationNumber: present(record.REGNO) ?? null },
      listing: { date: creditDay(record.ABNTIME)!, authority: authority.publisher },
    },
  };
}

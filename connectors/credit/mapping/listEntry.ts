import { creditDay, requireChinaTime, type DisclosureInput, type MappingContext } from '../../../src/connectorKit';
import type { ListEntryRecord } from '../schemaFragments/listEntry';
import { mapAuthority, type MappedAuthority } from './authority';
import { present, publicText, required } from './text';

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

import {
  AGENCY_ROLE,
  BIDDER_ROLE,
  ocdsPartyId,
  validateUscc,
  type DisclosureInput,
  type PartyRef,
  type TradeTypeInfo,
  type TradingParty,
  type TradingRole,
} from '../../../src/connectorKit';
import type { TradingNoticeRecord } from './schema';

/** A party as the notice names it, with its role in the process. */
export interface NoticeParty {
  role: TradingRole;
  name: string;
  code?: string;
}

/**
 * Everyone the notice names: the initiator (buyer, or transferor in a sale), the agency, the
 * tenderers and the winners (supplier, or transferee). Roles per trade: tradingTradeTypes.ts.
 */
export function noticeParties(record: TradingNoticeRecord, trade: TradeTypeInfo): NoticeParty[] {
  const parties: NoticeParty[] = [{ role: trade.initiatorRole, name: record.buyerName, code: record.buyerCode }];
  if (record.agencyName) parties.push({ role: AGENCY_ROLE, name: record.agencyName, code: record.agencyCode });
  for (const t of record.tenderers ?? []) parties.push({ role: BIDDER_ROLE, name: t.name, code: t.code });
  for (const w of record.winners ?? []) parties.push({ role: trade.winnerRole, name: w.name, code: w.code });
  return parties.map((p) => ({ ...p, name: p.name.trim() }));
}

export function partyRef(name: string, code?: string): PartyRef {
  return { id: ocdsPartyId(name, code), name: name.trim() };
}

/**
 * One row per party and role for disclosure_parties, codes as written: the engine normalises and
 * checks them and links only valid ones to an entity. A party named twice in one role is one row.
 */
export function disclosureParties(parties: readonly NoticeParty[]): NonNullable<DisclosureInput['parties']> {
  const seen = new Set<string>();
  const rows: NonNullable<DisclosureInput['parties']> = [];
  for (const p of parties) {
    const key = `${p.role}\u0000${ocdsPartyId(p.name, p.code)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    rows.push({ role: p.role, name: p.name, uscc: p.code ?? null });
  }
  return rows;
}

/** OCDS parties: one per organisation with all its roles (a winner is a tenderer too). */
export function ocdsParties(parties: readonly NoticeParty[]): TradingParty[] {
  const byId = new Map<string, TradingParty>();
  for (const p of parties) {
    const ref = partyRef(p.name, p.code);
    const party = byId.get(ref.id) ?? { ...ref, roles: [], identifier: identifierOf(p), uscc: usccOf(p.code) };
    if (!party.roles.includes(p.role)) party.roles.push(p.role);
    byId.set(ref.id, party);
  }
  return [...byId.values()];
}

function identifierOf(p: NoticeParty): TradingParty['identifier'] {
  const check = p.code ? validateUscc(p.code) : undefined;
  return check?.valid ? { scheme: 'CN-USCC', id: check.normalized, legalName: p.name } : null;
}

function usccOf(code: string | undefined): TradingParty['uscc'] {
  if (!code) return null;
  const check = validateUscc(code);
  return { code: check.normalized, valid: check.valid, reason: check.reason ?? null };
}

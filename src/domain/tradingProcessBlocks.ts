import { TRADING } from './contract';
import type { Money, TradingAward, TradingParty } from './trading';

/**
 * A process's blocks compiled from its notices (oldest first), as an OCDS compiled record merges
 * releases: by block id, a later notice's values replacing earlier ones where it gives them. The
 * summaries compile a process's trade type, buyer and contract value with these when its notices
 * are written (src/summaries/tradingProcessBlocks.ts); the API compiles its awards and contracts
 * with them from the notices it reads.
 */

/** The party roles of the process's initiator: buyer in procurement, transferor in a sale. */
export const INITIATOR_ROLES: readonly string[] = [TRADING.roles.buyer, TRADING.roles.transferor];

/**
 * The initiator (buyer, or transferor in a sale) as the latest notice naming it with a valid code
 * gives it, else as the latest notice naming it at all: a notice that mistyped the buyer's code
 * must not hide the code the others gave (the buyerUscc filter finds the process by it).
 */
export function processBuyer(notices: ReadonlyArray<{ parties: readonly TradingParty[] }>): TradingParty | null {
  const initiators = [...notices]
    .reverse()
    .map((notice) => notice.parties.find((p) => p.roles.some((role) => INITIATOR_ROLES.includes(role))))
    .filter((party): party is TradingParty => party !== undefined);
  return initiators.find((party) => party.identifier) ?? initiators[0] ?? null;
}

/**
 * Awards by id. The result notice's active award replaces the candidates' pending one; a pending
 * award never replaces an active one, whatever order the platform published them in.
 */
export function processAwards(notices: ReadonlyArray<{ awards: readonly TradingAward[] }>): TradingAward[] {
  const byId = new Map<string, TradingAward>();
  for (const award of notices.flatMap((n) => n.awards)) {
    const known = byId.get(award.id);
    if (known?.status === 'active' && award.status === 'pending') continue;
    byId.set(award.id, known ? mergeDefined(known, award) : award);
  }
  return [...byId.values()];
}

/** Contracts by id: the acceptance notice adds the implementation to the contract notice's terms. */
export function processContracts<C extends { id: string }>(notices: ReadonlyArray<{ contracts: readonly C[] }>): C[] {
  const byId = new Map<string, C>();
  for (const contract of notices.flatMap((n) => n.contracts)) {
    const known = byId.get(contract.id);
    byId.set(contract.id, known ? mergeDefined(known, contract) : contract);
  }
  return [...byId.values()];
}

/** Sum of the contracts' values in 万元 (summed in 分, so six decimals stay exact); null when none is known. */
export function totalValue(contracts: ReadonlyArray<{ value?: Money | null }>): Money | null {
  const known = contracts.map((c) => c.value).filter((v): v is Money => v !== null && v !== undefined);
  if (known.length === 0) return null;
  const fen = known.reduce((sum, v) => sum + Math.round(v.amountWan * 1e6), 0);
  return { amountWan: fen / 1e6, currency: 'CNY' };
}

/** `later` over `earlier`, except where `later` leaves a field null or absent. */
function mergeDefined<T extends object>(earlier: T, later: T): T {
  const merged: Record<string, unknown> = { ...(earlier as Record<string, unknown>) };
  for (const [key, value] of Object.entries(later)) {
    if (value !== null && value !== undefined) merged[key] = value;
  }
  return merged as T;
}

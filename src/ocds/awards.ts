import type { TradingAward } from '../domain/trading';
import { compact, nonEmpty, orAbsent } from './compact';
import { referenceOf } from './parties';
import type { Award, Document } from './types';
import { valueOf } from './value';

/**
 * Awards of a notice: the candidate publicity's pending award (the first-ranked candidate) and the
 * result notice's active one share an id (one award per lot, tradingIdentity.ts), so the compiled
 * release shows one award per lot that became active, each naming its lot in `relatedLots`.
 */
export function awardsOf(awards: readonly TradingAward[], relatedLots: string[] | undefined, documents?: Document[]): Award[] {
  return awards.map((award) =>
    compact<Award>({
      id: award.id,
      status: award.status,
      relatedLots,
      date: orAbsent(award.date),
      value: valueOf(award.value),
      suppliers: nonEmpty(award.suppliers.map(referenceOf)),
      documents: nonEmpty(documents),
    }),
  );
}

import type { DateTime } from 'luxon';
import type { Malformation } from '../kit/malformed';
import { random, type Random } from '../kit/random';
import { slottedFeed } from '../kit/slottedFeed';
import { chinaTime, oneAtRandomPerSlot } from '../kit/timeline';
import { pickAuthority } from './authorities';
import { LICENCE_KINDS, type LicenceKind } from './licenceKinds';
import { malformations2019 } from './malformations2019';
import { enterprisesIn } from './holders';
import { partyFields2019, sampleHolder, samplePerson } from './parties';

const PATH = '/credit/licences';

/** Share of licences granted to natural persons (a doctor's registration, a village house). */
const PERSON_SHARE = 0.1;

/** How the platform's licensing records go wrong: as any 2019-template record, and in the licence's own fields. */
const MALFORMATIONS: readonly Malformation[] = [
  ...malformations2019('XK'),
  (bad) => void delete bad.XK_XKJG,
  (bad) => void (bad.XK_LYDW = ' '),
  (bad) => void (bad.XK_XKJGDM = '11230600MB'),
];

/** Licensing decisions in the 2019 template, as the credit platform's API serves them. */
export const licencesSample = slottedFeed({
  path: PATH,
  // Stored by the platform about every two hours from 2025-01-01, ascending by SJC.
  slots: oneAtRandomPerSlot(PATH, chinaTime(2025, 1, 1), 120),
  record({ index, time: updated }, o) {
    const r = random(o.seed, PATH, index);
    const kind = r.pick(kindsHeld(r.chance(PERSON_SHARE), o.seed));
    const party = kind.holders === 'persons' ? samplePerson(r, o.seed) : sampleHolder(r, o.seed, kind.holders)!;
    const decided = updated.minus({ days: r.int(0, 6) }).startOf('day');
    const deciding = pickAuthority(r, kind.department, party.district, kind.districtShare);
    const context = { party, decided, index };
    return {
      ...partyFields2019('XK', party, r, o.seed),
      XK_XKWS: kind.documentName,
      XK_WSH: `${deciding.prefix}${kind.docCode}〔${decided.year}〕${index + 1}号`,
      XK_XKLB: r.chance(0.3) ? `${kind.category}许可` : kind.category,
      XK_XKZS: kind.certificate,
      XK_XKBH: kind.number(r, context),
      XK_NR: kind.content(r, context),
      XK_JDRQ: decided.toFormat('yyyy-MM-dd'),
      XK_YXQZ: decided.toFormat('yyyy-MM-dd'),
      XK_YXQZI: validUntil(kind, decided, r),
      XK_XKJG: deciding.name,
      ...(r.chance(0.9) ? { XK_XKJGDM: deciding.uscc } : {}),
      XK_ZT: state(r),
      XK_LYDW: deciding.name,
      ...(r.chance(0.8) ? { XK_LYDWDM: deciding.uscc } : {}),
      BZ: '',
      SJC: updated.toFormat('yyyy-MM-dd HH:mm:ss'),
    };
  },
  malformations: MALFORMATIONS,
});

/**
 * The kinds a person holds, or those an enterprise holds that some enterprise of the population
 * fits (every kind, unless a seed's population lacks an industry), so the holder is always one the
 * kind fits.
 */
function kindsHeld(toPerson: boolean, seed: number): LicenceKind[] {
  if (toPerson) return LICENCE_KINDS.filter((k) => k.holders === 'persons');
  return LICENCE_KINDS.filter((k) => k.holders !== 'persons' && enterprisesIn(seed, k.holders).length > 0);
}

/** The day before the term's anniversary; for a licence with no term, 长期 or the far-future date some systems write. */
function validUntil(kind: LicenceKind, decided: DateTime, r: Random): string {
  if (kind.years === null) return r.pick(['长期', '2099-12-31']);
  return decided.plus({ years: kind.years }).minus({ days: 1 }).toFormat(r.chance(0.9) ? 'yyyy-MM-dd' : 'yyyy/MM/dd');
}

/** 当前状态: most licences are in force; some were cancelled (注销) or revoked (撤销). */
function state(r: Random): string {
  const roll = r.next();
  return roll < 0.92 ? '有效' : roll < 0.96 ? '注销' : roll < 0.98 ? '撤销' : '';
}

import type { Malformation } from '../kit/malformed';

/**
 * How records of the 2019 template go wrong whatever they record, licence (XK_) or penalty (CF_):
 * in the decision's number and date, and in the party fields the template shares
 * (partyFields2019). Each stream adds the ways of its own fields.
 */
export function malformations2019(prefix: 'XK' | 'CF'): Malformation[] {
  const f = (name: string) => `${prefix}_${name}`;
  return [
    (bad) => void delete bad[f('WSH')],
    // A date exported from a spreadsheet as a number, and a day that does not exist.
    (bad) => void (bad[f('JDRQ')] = 20260315),
    (bad) => void (bad[f('JDRQ')] = '2026-02-30'),
    // A party category the template does not define.
    (bad) => void (bad[f('XDR_LB')] = '企业'),
    (bad) => {
      // A legal person with every registration number left blank.
      bad[f('XDR_LB')] = '法人及非法人组织';
      bad[f('XDR_SHXYM')] = '';
      delete bad[f('XDR_GSZC')];
    },
    (bad) => {
      // A natural person without the ID number the template requires, or with its type blank.
      bad[f('XDR_LB')] = '自然人';
      delete bad[f('XDR_ZJHM')];
    },
    (bad) => {
      bad[f('XDR_LB')] = '自然人';
      bad[f('XDR_ZJLX')] = '';
    },
  ];
}

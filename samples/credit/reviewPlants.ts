import type { Random } from '../kit/random';
import type { Plant } from '../review/schedule';
import {
  collectionAccountSentence,
  commercialSecretSentence,
  homeAddressParagraph,
  markedHead,
  passportParagraph,
  paymentSlipRemark,
  personalCardSentence,
  type Planted,
} from '../review/texts';
import type { SamplePenalty } from './samplePenalty';

/** A penalty's free text after its planted review case: facts (CF_SY) and remarks (BZ). */
export interface PlantedPenaltyText {
  facts: string;
  remarks?: string;
  /** The span the review must find, or for a look-alike leave alone. */
  value: string;
}

/** Whether a plant needs the decision to be on a natural person: its 当事人 paragraph names one. */
export function plantNeedsPerson(plant: Plant | undefined): boolean {
  return plant?.kind === 'home-address' || plant?.kind === 'passport';
}

/**
 * Where each planted case goes in a penalty decision: the 当事人 paragraph (home address,
 * passport) and a mark head open the facts; a card or a secret follows them; a look-alike number
 * is in the remarks (a payment slip) or after the facts (the collection account).
 */
export function plantInPenalty(plant: Plant, p: SamplePenalty, r: Random): PlantedPenaltyText {
  const after = (planted: Planted): PlantedPenaltyText => ({ facts: p.facts + planted.text, value: planted.value });
  const before = (planted: Planted): PlantedPenaltyText => ({ facts: planted.text + p.facts, value: planted.value });
  switch (plant.kind) {
    case 'classification-mark':
      return before(markedHead(r));
    case 'home-address':
      return before(homeAddressParagraph(personOf(p), r));
    case 'passport':
      return before(passportParagraph(personOf(p), r));
    case 'bank-card':
      return after(p.party.kind === 'person' ? personalCardSentence(p.party.person.name, true, r) : personalCardSentence(p.party.enterprise.legalRep.name, false, r));
    case 'commercial-secret':
      return after(commercialSecretSentence(r));
    case 'id-impossible-birth-date': {
      const slip = paymentSlipRemark(p.party.district.code, r);
      return { facts: p.facts, remarks: slip.text, value: slip.value };
    }
    case 'card-failing-luhn':
      return after(collectionAccountSentence(p.authority.name, r));
    default:
      throw new Error(`a penalty cannot carry the review case ${plant.kind}`);
  }
}

function personOf(p: SamplePenalty) {
  if (p.party.kind !== 'person') throw new Error(`penalty ${p.documentNumber}: a 当事人 paragraph needs a natural person`);
  return p.party.person;
}

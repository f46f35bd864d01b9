import type { DetectorName } from '../contract';
import { bankCardDetector, bankCardTrigger } from './bankCard';
import type { Detector, Trigger } from './detector';
import { homeAddressDetector, homeAddressTrigger } from './homeAddress';
import { idNumberDetector, idNumberTrigger } from './idNumber';
import { markDetector, markTrigger } from './mark';
import { mobileDetector, mobileTrigger } from './mobile';
import { passportDetector, passportTrigger } from './passport';
import { wordDetector, wordTrigger } from './word';

/** The detector behind each name a rule may give (contract.ts DETECTORS). */
export const DETECTOR_FUNCTIONS: Readonly<Record<DetectorName, Detector>> = Object.freeze({
  mark: markDetector,
  word: wordDetector,
  'id-number': idNumberDetector,
  mobile: mobileDetector,
  'bank-card': bankCardDetector,
  passport: passportDetector,
  'home-address': homeAddressDetector,
});

/** What a text must hold for each detector to find anything in it (detector.ts Trigger). */
export const DETECTOR_TRIGGERS: Readonly<Record<DetectorName, Trigger>> = Object.freeze({
  mark: markTrigger,
  word: wordTrigger,
  'id-number': idNumberTrigger,
  mobile: mobileTrigger,
  'bank-card': bankCardTrigger,
  passport: passportTrigger,
  'home-address': homeAddressTrigger,
});

import type { DetectorName } from '../contract';
import { bankCardDetector } from './bankCard';
import type { Detector } from './detector';
import { homeAddressDetector } from './homeAddress';
import { idNumberDetector } from './idNumber';
import { markDetector } from './mark';
import { mobileDetector } from './mobile';
import { passportDetector } from './passport';
import { wordDetector } from './word';

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

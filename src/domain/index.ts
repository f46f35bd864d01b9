/** Domain rules: pure functions, no I/O. Re-exported for the library entry (src/index.ts). */
export {
  AQI_INPUT_KEYS,
  AQI_POLLUTANTS,
  AQI_STANDARDS,
  DEFAULT_AQI_STANDARD,
  getAqiStandard,
} from './aqi/breakpoints';
export type * from './aqi/breakpoints';
export { aqiCategory, computeAqi } from './aqi/computeAqi';
export type { AqiInput, AqiOptions, AqiResult } from './aqi/computeAqi';

export {
  GB11714_WEIGHTS,
  USCC_ALPHABET,
  USCC_WEIGHTS,
  gb11714CheckCharacter,
  normalizeUscc,
  usccCheckCharacter,
  usccWeightedSum,
  validateUscc,
} from './uscc';
export type { UsccValidation } from './uscc';

export {
  WATER_CLASSES,
  WATER_PARAMETERS,
  classifyWaterQuality,
  compareWaterClasses,
  exceedanceMultiple,
  waterClassRank,
  worseWaterClass,
} from './waterQuality';
export type {
  WaterBody,
  WaterClass,
  WaterExceedance,
  WaterParameter,
  WaterQualityInput,
  WaterQualityOptions,
  WaterQualityResult,
  WaterTargetClass,
} from './waterQuality';

export {
  containsMobileNumber,
  findUnmaskedPersonalInfo,
  maskAddress,
  maskContactPhone,
  maskIdNumber,
  maskPersonalInfo,
  maskPersonalInfoInText,
  maskPhone,
} from './masking';
export type { PersonalInfoKind } from './masking';

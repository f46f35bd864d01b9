/**
 * What a surface-water section's (地表水断面) monitoring result means against its obligations: its
 * class (GB 3838-2002 single-factor method), how far each parameter is from the section's target
 * class, whether the target is met, and, for drinking-water sources, whether the protection zone's
 * requirement is met (docs/standards/water-quality.md).
 */
import {
  classifyWaterQuality,
  compareWaterClasses,
  exceedanceMultiple,
  type WaterBody,
  type WaterClass,
  type WaterExceedance,
  type WaterParameter,
  type WaterQualityInput,
  type WaterTargetClass,
  type ReferenceClasses,
} from './waterQuality';
import { checkDrinkingWaterSource, type DrinkingWaterCheck, type ProtectionZone } from './drinkingWaterSource';

export interface WaterSectionInput {
  values: WaterQualityInput;
  waterBody: WaterBody;
  targetClass: WaterTargetClass;
  /** The protection zone when the section is a drinking-water source, else null. */
  protectionZone: ProtectionZone | null;
}

export interface WaterSectionAssessment {
  class: WaterClass;
  limitingParameters: WaterParameter[];
  parameterClasses: Partial<Record<WaterParameter, WaterClass>>;
  /** Reference indicators with their own class, outside the class: TN of a lake or reservoir. */
  referenceClasses: ReferenceClasses;
  /** Measured but not assessed for this water body (TN in a river). */
  ignoredParameters: WaterParameter[];
  /** The parameters that fail the target class, with limit and multiple. */
  exceedances: WaterExceedance[];
  /**
   * Exceedance multiple against the target class of every classified parameter: 0 when it meets
   * the target, null where the standard defines none (pH).
   */
  exceedanceMultiples: Partial<Record<WaterParameter, number | null>>;
  meetsTarget: boolean;
  /** Only for drinking-water sources. */
  drinkingWater: DrinkingWaterCheck | null;
}

export function assessWaterSection(input: WaterSectionInput): WaterSectionAssessment {
  const { values, waterBody, targetClass, protectionZone } = input;
  const result = classifyWaterQuality(values, { waterBody, targetClass });
  const exceedanceMultiples: Partial<Record<WaterParameter, number | null>> = {};
  for (const parameter of Object.keys(result.parameterClasses) as WaterParameter[]) {
    exceedanceMultiples[parameter] = exceedanceMultiple(parameter, values[parameter] as number, targetClass, waterBody);
  }
  return {
    class: result.class,
    limitingParameters: result.limitingParameters,
    parameterClasses: result.parameterClasses,
    referenceClasses: result.referenceClasses,
    ignoredParameters: result.ignoredParameters,
    exceedances: result.exceedances ?? [],
    exceedanceMultiples,
    meetsTarget: compareWaterClasses(result.class, targetClass) <= 0,
    drinkingWater: protectionZone ? checkDrinkingWaterSource(protectionZone, result.class) : null,
  };
}

/**
 * Drinking-water sources (饮用水水源地) and their protection zones (docs/standards/water-quality.md):
 * water in a first-grade zone (一级保护区) must meet class II of GB 3838-2002, in a second-grade zone
 * (二级保护区) class III.
 */
import { compareWaterClasses, type WaterClass, type WaterTargetClass } from './waterQuality';

export type ProtectionZone = '一级' | '二级';

export const PROTECTION_ZONE_CLASS: Readonly<Record<ProtectionZone, WaterTargetClass>> = Object.freeze({
  一级: 'II',
  二级: 'III',
});

export interface DrinkingWaterCheck {
  zone: ProtectionZone;
  requiredClass: WaterTargetClass;
  /** The measured class is the required class or better. */
  meets: boolean;
}

export function checkDrinkingWaterSource(zone: ProtectionZone, measured: WaterClass): DrinkingWaterCheck {
  const requiredClass = PROTECTION_ZONE_CLASS[zone];
  if (!requiredClass) throw new Error(`protection zone must be 一级 or 二级, got ${JSON.stringify(zone)}`);
  return { zone, requiredClass, meets: compareWaterClasses(measured, requiredClass) <= 0 };
}

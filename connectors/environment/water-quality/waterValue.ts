import { reading } from '../common/readings';

/**
 * A laboratory result as written: a number, "0.01L" (not detected at a detection limit of 0.01), or
 * "—" (not measured → undefined).
 *
 * Decision where GB 3838 is silent: a result below the detection limit is assessed as half the
 * limit, the usual convention for non-detects in water-quality statistics. Classing it at the full
 * limit would fail a clean reservoir whenever a lab's limit sits above the class-I value. The
 * parameter is listed in `belowDetectionLimit`, so a reader knows the number is not a measurement.
 */
export function readWaterValue(text: string | undefined): { value: number; belowDetectionLimit: boolean } | undefined {
  if (text === undefined) return undefined;
  const notDetected = /^([0-9.]+)L$/i.exec(text.trim());
  if (notDetected) return { value: Number(notDetected[1]) / 2, belowDetectionLimit: true };
  const value = reading(text);
  return value === undefined ? undefined : { value, belowDetectionLimit: false };
}

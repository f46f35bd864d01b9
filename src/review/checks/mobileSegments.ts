/**
 * The three-digit segments (号段) of mainland mobile numbers allocated by the Ministry of Industry
 * and Information Technology under the 电信网码号资源管理 numbering plan, as of 2025: 130–139,
 * the data and IoT-voice segments 145–149, 150–153 and 155–159, the virtual-operator and new
 * segments 162 and 165–167, 170–178, 180–189, and 190–193 and 195–199. (154, 194 and 179 are not
 * allocated; 140–144 are 13-digit IoT numbers, which are no one's phone.)
 *
 * An 11-digit number outside them is not anyone's mobile: 14012345678 or 15412345678 in a text
 * is another kind of number, and masking it would damage it.
 */
const ALLOCATED = new Set<string>([
  ...range(130, 139),
  ...range(145, 149),
  ...range(150, 153),
  ...range(155, 159),
  '162',
  ...range(165, 167),
  ...range(170, 178),
  ...range(180, 189),
  ...range(190, 193),
  ...range(195, 199),
]);

/** Whether the first three digits of an 11-digit national number are an allocated mobile segment. */
export function isAllocatedMobileSegment(segment: string): boolean {
  return ALLOCATED.has(segment);
}

function range(from: number, to: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
}

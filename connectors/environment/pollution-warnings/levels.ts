import type { WarningLevel } from '../../../src/connectorKit';

/** Warning colours as notices write them; the colours are national, the criteria per city. */
export const LEVEL_COLOURS: Readonly<Record<WarningLevel, string>> = {
  blue: '蓝色',
  yellow: '黄色',
  orange: '橙色',
  red: '红色',
};

export function levelOfColour(colour: string): WarningLevel {
  const found = (Object.keys(LEVEL_COLOURS) as WarningLevel[]).find((level) => LEVEL_COLOURS[level] === colour.replace(/预警$/, ''));
  if (!found) throw new Error(`warningLevel: "${colour}" is not 蓝色, 黄色, 橙色 or 红色`);
  return found;
}

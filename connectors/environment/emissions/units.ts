/** The ways platforms write the two concentration units; anything else is kept as written. */
const UNITS: Readonly<Record<string, string>> = {
  'mg/m3': 'mg/m³',
  'mg/m³': 'mg/m³',
  'mg/nm3': 'mg/m³',
  'mg/nm³': 'mg/m³',
  '毫克/立方米': 'mg/m³',
  'mg/l': 'mg/L',
  '毫克/升': 'mg/L',
};

export function normalizeUnit(text: string): string {
  return UNITS[text.trim().toLowerCase()] ?? text.trim();
}

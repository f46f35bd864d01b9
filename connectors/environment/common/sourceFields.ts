import { Type } from '@sinclair/typebox';

/** Field shapes several environment feeds share, written once so their quarantine reasons read alike. */

/** A city by its GB/T 2260 division code, as the air and warning platforms write it. */
export const cityDivisionCode = Type.String({ pattern: '^[0-9]{6}$', description: 'A six-digit GB/T 2260 division code such as 230600' });

/** A concentration as the air platforms write it: a numeric string, or — / -- when not reported. */
export const concentrationText = Type.String({
  pattern: '^([0-9]+(\\.[0-9]+)?|—|-{2})$',
  description: 'A non-negative number, or — / -- when not reported',
});

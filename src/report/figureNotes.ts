import type { FigureKey } from './annualLayout';

/** Where a figure of the report comes from, its unit, and what a reader should know about it. */
export interface FigureNote {
  source: string;
  unit?: string;
  note?: string;
}

export type FigureNotes<K extends FigureKey> = Readonly<Record<K, FigureNote>>;

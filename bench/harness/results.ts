import fs from 'node:fs';
import path from 'node:path';
import { RESULTS_DIR } from './paths';

/** Writes a report to bench/results/<kind>-<timestamp>.json (git-ignored); returns the path. */
export function writeResults(kind: string, results: { startedAt: string }, dir = RESULTS_DIR): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${kind}-${fileTimestamp(results.startedAt)}.json`);
  fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  return file;
}

/** An ISO time that is safe in a file name on every system. */
export const fileTimestamp = (iso: string) => iso.replace(/[:.]/g, '-');

/**
 * Rows of cells as aligned text: right-aligned columns for figures, left-aligned for words, and no
 * trailing blanks.
 */
export function alignColumns(rows: string[][], isRightAligned: (column: number) => boolean, gap: string): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  return rows.map((row) => row.map((cell, i) => (isRightAligned(i) ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join(gap).trimEnd());
}

export const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;
export const rate = (perSec: number) => `${perSec.toLocaleString('en-US')} rec/s`;
export const seconds = (s: number) => `${s.toFixed(2)} s`;
export const mib = (kib: number) => `${(kib / 1024).toFixed(1)} MiB`;

/** A target's verdict, in every benchmark's words: the benchmarks measure, they do not gate. */
export const pass = (ok: boolean) => (ok ? 'pass' : 'TARGET MISSED');

/**
 * Settings of the overhead benchmark (`npm run bench:overhead`), from flags first, then environment
 * variables, then defaults.
 */
import { InvalidArgumentError, Option } from 'commander';
import { adminUrlFrom, benchCommand, DATABASE_HELP, wholeNumber } from '../harness/cli';
import { PIECES, type Piece } from './pieces';

/** A hub to measure: the whole of it, one piece taken out, or every piece taken out (`bare`). */
export type Variant = 'full' | Piece | 'bare';
export const VARIANTS: readonly Variant[] = ['full', ...PIECES, 'bare'];

export interface OverheadOptions {
  /** Seconds of each measured autocannon run. */
  duration: number;
  /** Seconds of load on each server before its measured runs, not recorded. */
  warmup: number;
  connections: number;
  /** Each variant measured this many times, the variants in turn, each time in a fresh server. */
  rounds: number;
  variants: Variant[];
  /** One extra run of the full hub under V8's CPU profiler, summarised in the report. */
  profile: boolean;
  adminUrl: string;
}

export function parseOverheadOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): OverheadOptions {
  const flags = benchCommand('bench:overhead', "what the hub's own request path costs: queries that touch no database, each piece taken out in turn")
    .addOption(new Option('--duration <s>', 'seconds of each measured run').argParser(wholeNumber()).default(4))
    .addOption(new Option('--warmup <s>', 'seconds of load before the measured runs of each server').argParser(wholeNumber(0)).default(2))
    .addOption(new Option('--connections <n>', 'autocannon connections').argParser(wholeNumber()).default(10))
    .addOption(new Option('--rounds <n>', 'times each variant is measured, in turn').argParser(wholeNumber()).default(1))
    .addOption(new Option('--only <variants>', `comma-separated, of: ${VARIANTS.join(', ')} (full is always measured)`).argParser(variantList))
    .option('--profile', 'one extra run of the full hub under the CPU profiler', false)
    .addHelpText('after', DATABASE_HELP)
    .parse(argv, { from: 'user' })
    .opts<{ duration: number; warmup: number; connections: number; rounds: number; only?: Variant[]; profile: boolean }>();
  const variants = flags.only ? VARIANTS.filter((v) => v === 'full' || flags.only!.includes(v)) : [...VARIANTS];
  return { ...flags, variants, adminUrl: adminUrlFrom(env) };
}

function variantList(raw: string): Variant[] {
  const list = raw.split(',').map((v) => v.trim()).filter(Boolean) as Variant[];
  const unknown = list.filter((v) => !VARIANTS.includes(v));
  if (unknown.length) throw new InvalidArgumentError(`no such variant: ${unknown.join(', ')} (of ${VARIANTS.join(', ')})`);
  return list;
}

/** The pieces a variant takes out of the hub. */
export function piecesOf(variant: Variant): Piece[] {
  if (variant === 'full') return [];
  if (variant === 'bare') return [...PIECES];
  return [variant];
}

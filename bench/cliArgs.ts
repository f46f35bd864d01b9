/**
 * Command-line arguments for the benchmarks: `--name value` or `--name=value` pairs and whole
 * numbers, where every mistake prints the benchmark's own usage text and exits with status 2.
 */
export function argParser(usageText: string) {
  function usage(problem?: string): never {
    if (problem) process.stderr.write(`${problem}\n`);
    process.stderr.write(`${usageText}\n`);
    process.exit(problem ? 2 : 0);
  }

  function flags(argv: string[]): Record<string, string> {
    const found: Record<string, string> = {};
    for (let i = 0; i < argv.length; i++) {
      const match = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
      if (!match) usage(`unexpected argument "${argv[i]}"`);
      if (match[1] === 'help') usage();
      const value = match[2] ?? argv[++i];
      if (value === undefined) usage(`--${match[1]} needs a value`);
      found[match[1]] = value;
    }
    return found;
  }

  /** A whole number of at least `min` (underscores allowed: 100_000), or the fallback when absent. */
  function int(raw: string | undefined, fallback: number, name: string, min = 1): number {
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw.replace(/_/g, ''));
    if (!Number.isInteger(n) || n < min) usage(`${name} must be a whole number of at least ${min}, got "${raw}"`);
    return n;
  }

  return { usage, flags, int };
}

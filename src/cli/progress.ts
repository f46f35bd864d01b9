import cliProgress from 'cli-progress';

/**
 * Progress bars on a terminal (one per stream, on stderr); silence otherwise, so piped output and
 * `--json` stay clean.
 */
export function createProgress(enabled = Boolean(process.stderr.isTTY)) {
  if (!enabled) return { start: () => undefined, update: () => undefined, stop: () => undefined };
  const bars = new cliProgress.MultiBar(
    {
      format: ' {stream} |{bar}| {value}/{total} records',
      hideCursor: true,
      clearOnComplete: false,
      stream: process.stderr,
    },
    cliProgress.Presets.shades_classic,
  );
  const byStream = new Map<string, cliProgress.SingleBar>();
  return {
    start: (stream: string) => byStream.set(stream, bars.create(1, 0, { stream: stream.padEnd(28) })),
    update: (stream: string, fetched: number, total?: number) => {
      const bar = byStream.get(stream);
      if (!bar) return;
      bar.setTotal(Math.max(total ?? 0, fetched, 1));
      bar.update(fetched);
    },
    stop: () => bars.stop(),
  };
}

import { Option } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './paths';

/** Which benchmark printed the report: its heading and the npm script that reruns it. */
export interface RecordedBenchmark {
  title: string;
  script: string;
}

/** The --record flag every benchmark takes; its value is the markdown file's path. */
export const recordOption = () => new Option('--record <file>', 'also write the printed report to this markdown file (bench/results/*.md are not git-ignored)');

/**
 * Writes the printed report to a markdown file (--record), with the command that made it, so a
 * run's figures can be committed: bench/results/*.md are not git-ignored, the JSON results are.
 * Returns the file's path.
 */
export function recordReport(file: string, benchmark: RecordedBenchmark, report: string, startedAt: string, resultsFile: string): string {
  const target = path.resolve(file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const command = [`npm run ${benchmark.script} --`, ...process.argv.slice(2)].join(' ');
  const text = [
    `# ${benchmark.title}, ${startedAt}`,
    '',
    `\`${command}\`; full results in \`${path.relative(ROOT, resultsFile)}\` (not committed).`,
    '',
    '```text',
    report,
    '```',
    '',
  ].join('\n');
  fs.writeFileSync(target, text);
  return target;
}

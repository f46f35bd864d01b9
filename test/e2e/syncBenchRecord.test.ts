import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { BACKENDS } from '../helpers/testDatabase';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');

// The sync benchmark needs PostgreSQL (its COPY baseline goes through psql), as every benchmark does.
const onPostgres = BACKENDS.includes('postgres') ? describe : describe.skip;

onPostgres('npm run bench -- --record', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-bench-record-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('writes the printed report to a markdown file, under the command that reruns it', async () => {
    const file = path.join(dir, 'sync.md');
    const args = ['--only', 'throughput', '--scale', '300', '--record', file];
    const { stdout } = await run(process.execPath, ['bin/run-ts.js', 'bench/sync/sync.bench.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, BENCH_DATABASE_URL: process.env.TEST_DATABASE_URL },
      timeout: 120_000,
    });
    expect(stdout).toContain(`recorded: ${file}`);
    const recorded = fs.readFileSync(file, 'utf8');
    expect(recorded).toMatch(/^# Sync benchmark, \d{4}-\d\d-\d\dT/);
    expect(recorded).toContain(`\`npm run bench -- ${args.join(' ')}\``);
    expect(recorded).toMatch(/full results in `bench\/results\/sync-[\dT-]+Z\.json`/);
    // The report as printed: the sync's rate, COPY's, and the ratio against the target.
    const report = recorded.slice(recorded.indexOf('```text\n') + 8, recorded.lastIndexOf('```'));
    expect(stdout).toContain(report.trim());
    expect(report).toMatch(/sync \(runSync, full\)\s+[\d,]+ rec\/s\s+300 rows/);
    expect(report).toMatch(/sync \/ COPY\s+[\d.]+ %\s+target ≥ 50 %/);
  }, 150_000);
});

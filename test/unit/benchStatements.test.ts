import v8 from 'node:v8';
import vm from 'node:vm';
import { RecentStatements } from '../../bench/harness/statements';

/**
 * bench:api counts every statement a server sends and keeps the last ones' text for its report.
 * What it keeps must not change what it measures: holding a statement's object would hold its
 * answer's rows (pg writes the caller's callback onto the object), and that garbage-collection
 * cost would be counted as the server's.
 */
describe('RecentStatements (the API benchmark servers’ statement tally)', () => {
  it('counts every statement and lists the text of those after a given count, as far as it keeps', () => {
    const recent = new RecentStatements(3);
    recent.record('select 1');
    recent.record({ text: 'select 2', values: [] });
    expect(recent.count).toBe(2);
    expect(recent.since(0)).toEqual(['select 1', 'select 2']);
    recent.record('select 3');
    recent.record({ text: 'select 4' });
    expect(recent.count).toBe(4);
    expect(recent.since(1)).toEqual(['select 2', 'select 3', 'select 4']);
    expect(recent.since(0)).toEqual(['select 2', 'select 3', 'select 4']);
    expect(recent.since(4)).toEqual([]);
  });

  it('keeps no statement object, so an answer its callback holds can be collected', async () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const recent = new RecentStatements();
    const answer = recordWithAnswer(recent);
    // A WeakRef's target lives at least to the end of the job that made it.
    await new Promise((resolve) => setImmediate(resolve));
    gc();
    expect(answer.deref()).toBeUndefined();
    expect(recent.since(0)).toEqual(['select * from disclosures']);
  });
});

/** Records a statement as knex hands it to pg, then has pg write a callback holding its rows onto it. */
function recordWithAnswer(recent: RecentStatements): WeakRef<object> {
  const rows = { rows: new Array(1000).fill({ title: 'a disclosure' }) };
  const config: { text: string; values: unknown[]; callback?: () => unknown } = { text: 'select * from disclosures', values: [] };
  recent.record(config);
  config.callback = () => rows;
  return new WeakRef(rows);
}

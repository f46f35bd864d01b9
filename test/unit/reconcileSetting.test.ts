import { CONNECTORS } from '../../connectors';
import { selectStreams } from '../../src/sync/selection';
import { stream, type CodedStreamDefinition } from '../../src/sync/stream';
import { httpPages } from '../../src/sync/sources/httpPages';
import { DEFAULT_RECONCILE, describeWindow, parseReconcileOverride, reconcileOverrides, reconcileSetting } from '../../src/sync/reconcileSetting';
import { reconcilableStreams } from '../../src/sync/reconcile';

const selected = (name: string) => selectStreams(CONNECTORS, [name])[0];
const VARIABLE = 'HUB_RECONCILE_TRADING_NOTICES';

function declaration(extra: Partial<CodedStreamDefinition<any>>): CodedStreamDefinition<any> {
  return {
    name: 'things',
    schema: { type: 'object' },
    key: (r: any) => r.id,
    cursor: (r: any) => r.time,
    source: httpPages({ path: '/things' }),
    toDisclosure: () => {
      throw new Error('not used');
    },
    ...extra,
  };
}

describe('a stream\'s reconciliation setting', () => {
  test('is what the stream declares: a schedule and, where given, a window', () => {
    expect(reconcileSetting(selected('trading/notices'))).toEqual({ reconciled: true, schedule: '45 3 * * *', windowDays: null });
    expect(reconcileSetting(selected('environment/air-hourly'))).toEqual({ reconciled: true, schedule: '40 4 * * *', windowDays: 30 });
  });

  test('is the default for an incremental stream that declares none, and none for one that says off', () => {
    const undeclared = { connector: CONNECTORS[0], stream: declaration({}) };
    expect(reconcileSetting(undeclared)).toEqual({ reconciled: true, schedule: DEFAULT_RECONCILE.schedule, windowDays: null });
    const off = { connector: CONNECTORS[0], stream: declaration({ reconcile: 'off' }) };
    expect(reconcileSetting(off)).toEqual({ reconciled: true, schedule: null, windowDays: null });
  });

  test('does not exist for streams read whole on every run, which say why', () => {
    expect(reconcileSetting(selected('credit/serious-violations'))).toEqual({ reconciled: false, reason: 'a snapshot stream: every run reads the whole list' });
    expect(reconcileSetting(selected('credit/penalties-2016'))).toEqual({ reconciled: false, reason: 'a stream without a cursor: every run reads the whole source' });
    const { streams, skipped } = reconcilableStreams(CONNECTORS, ['credit']);
    expect(streams.map((s) => s.name)).toEqual(['credit/licences', 'credit/penalties']);
    expect(skipped.map((s) => s.stream)).toEqual(['credit/penalties-2016', 'credit/abnormal-operations', 'credit/serious-violations']);
  });

  test('every built-in incremental stream declares its own, at its own time', () => {
    const settings = selectStreams(CONNECTORS)
      .filter((s) => s.stream.mode !== 'snapshot' && s.stream.cursor)
      .map((s) => ({ name: s.stream.name, reconcile: s.stream.reconcile }));
    expect(settings.every((s) => typeof s.reconcile === 'object')).toBe(true);
    const times = settings.map((s) => (s.reconcile as { schedule: string }).schedule);
    expect(new Set(times).size).toBe(times.length);
  });

  test('reads as "whole source" or "last N days"', () => {
    expect([describeWindow(null), describeWindow(1), describeWindow(30)]).toEqual(['whole source', 'last 1 day', 'last 30 days']);
  });
});

describe('HUB_RECONCILE_<CONNECTOR>_<STREAM>', () => {
  test('is off, a cron expression, a window, or both', () => {
    expect(parseReconcileOverride(VARIABLE, 'off')).toEqual({ schedule: null });
    expect(parseReconcileOverride(VARIABLE, ' OFF ')).toEqual({ schedule: null });
    expect(parseReconcileOverride(VARIABLE, '0 2 * * *')).toEqual({ schedule: '0 2 * * *' });
    expect(parseReconcileOverride(VARIABLE, 'window=7d')).toEqual({ windowDays: 7 });
    expect(parseReconcileOverride(VARIABLE, '0 2 * * 6 window=full')).toEqual({ schedule: '0 2 * * 6', windowDays: null });
  });

  test('overrides only what it gives', () => {
    expect(reconcileSetting(selected('environment/air-hourly'), { windowDays: 7 })).toEqual({ reconciled: true, schedule: '40 4 * * *', windowDays: 7 });
    expect(reconcileSetting(selected('environment/air-hourly'), { schedule: null })).toEqual({ reconciled: true, schedule: null, windowDays: 30 });
  });

  test('a wrong value names the variable and what to write', () => {
    expect(() => parseReconcileOverride(VARIABLE, 'nightly')).toThrow(/^HUB_RECONCILE_TRADING_NOTICES="nightly": "nightly" is not a cron expression; write e\.g\. HUB_RECONCILE_TRADING_NOTICES="0 3 \* \* 0"/);
    expect(() => parseReconcileOverride(VARIABLE, '0 2 * * * window=month')).toThrow(/window "month" is not a number of days; write window=30d .* or window=full/);
    expect(() => parseReconcileOverride(VARIABLE, '0 2 * * * window=0d')).toThrow(/window "0d" is not a number of days/);
    expect(() => parseReconcileOverride(VARIABLE, 'window=7d window=9d')).toThrow(/gives 2 windows; give one/);
  });

  test('is read by stream from the environment; one that names no stream, or one read whole, is an error', () => {
    expect(reconcileOverrides({ HUB_RECONCILE_ENVIRONMENT_AIR_HOURLY: 'window=3d', HUB_RECONCILE_TRADING_NOTICES: 'off', OTHER: 'x' }, CONNECTORS)).toEqual({
      'environment/air-hourly': { windowDays: 3 },
      'trading/notices': { schedule: null },
    });
    expect(() => reconcileOverrides({ HUB_RECONCILE_TRADING_NOTCES: 'off' }, CONNECTORS)).toThrow(/HUB_RECONCILE_TRADING_NOTCES names no stream; the streams' variables are .*HUB_RECONCILE_TRADING_NOTICES/);
    expect(() => reconcileOverrides({ HUB_RECONCILE_CREDIT_SERIOUS_VIOLATIONS: '0 3 * * *' }, CONNECTORS)).toThrow(
      /credit\/serious-violations is a snapshot stream: every run reads the whole list, so there is nothing to reconcile; remove HUB_RECONCILE_CREDIT_SERIOUS_VIOLATIONS/,
    );
    expect(reconcileOverrides({ HUB_RECONCILE_CREDIT_SERIOUS_VIOLATIONS: 'off' }, CONNECTORS)).toEqual({ 'credit/serious-violations': { schedule: null } });
  });
});

describe('declaring a reconciliation', () => {
  test('on a stream read whole on every run is refused: it would read everything twice', () => {
    expect(() => stream(declaration({ mode: 'snapshot', removedStatus: 'removed', reconcile: { schedule: '0 3 * * 0' } }))).toThrow(
      /stream "things": declares a reconciliation but is a snapshot stream: every run reads the whole list, so it would read everything twice; remove "reconcile"/,
    );
    expect(() => stream(declaration({ cursor: undefined, reconcile: { schedule: '0 3 * * 0' } }))).toThrow(/is a stream without a cursor: every run reads the whole source/);
  });

  test('with a wrong schedule or window says what to write', () => {
    expect(() => stream(declaration({ reconcile: { schedule: 'weekly' } }))).toThrow(/reconcile\.schedule "weekly" is not a cron expression; write e\.g\. "0 3 \* \* 0"/);
    expect(() => stream(declaration({ reconcile: { schedule: '0 3 * * 0', windowDays: 1.5 } }))).toThrow(/reconcile\.windowDays must be a whole number of days above 0, got 1\.5/);
  });
});

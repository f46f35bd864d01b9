import { tradingFeeds } from '../../samples/trading';
import { BUYERS } from '../../samples/trading/buyers';
import { PLANS } from '../../samples/trading/plans';
import { firstIndexAtOrAfter, slotAt, stepMinute } from '../../samples/trading/schedule';
import { tradingNoticeRecordSchema } from '../../connectors/trading/notices/schema';
import { canonicalTime } from '../../connectors/trading/notices/time';
import { isMalformed, type FeedOptions } from '../../samples/kit/feed';
import { DEFAULT_FEED_OPTIONS } from '../../samples/kit/feedServer';
import { validatorFor } from '../../src/sync/validation';
import { validateUscc } from '../../src/domain/uscc';
import { normalizeProjectCode } from '../../src/domain/trading';

const feed = tradingFeeds[0];
const options: FeedOptions = { ...DEFAULT_FEED_OPTIONS, scale: 1500 };
const N = 1500;
const records = Array.from({ length: N }, (_, i) => feed.record(i, options) as Record<string, any>);
/** The same notices without the malformed share, for checks of what the notices say. */
const clean = Array.from({ length: N }, (_, i) => feed.record(i, { ...options, malformedRate: 0 }) as Record<string, any>);
const slots = Array.from({ length: N }, (_, i) => slotAt(i));
const validate = validatorFor(tradingNoticeRecordSchema);

describe('sample schedule: index ↔ (process, step)', () => {
  it('publication times never go backwards, from the first day on', () => {
    for (let i = 1; i < N; i++) expect(slots[i].minute).toBeGreaterThanOrEqual(slots[i - 1].minute);
    expect(slots[0]).toEqual({ process: 0, step: 0, minute: stepMinute(0, 0) });
  });

  it('every (process, step) appears once, and a process’s steps come in plan order', () => {
    const seen = new Set(slots.map((s) => `${s.process}/${s.step}`));
    expect(seen.size).toBe(N);
    const lastStep = new Map<number, number>();
    for (const { process, step } of slots) {
      expect(step).toBe((lastStep.get(process) ?? -1) + 1);
      lastStep.set(process, step);
    }
  });

  it('every step of every process that started early enough is in the feed', () => {
    const end = slots[N - 1].minute;
    for (let p = 0; p < 60; p++) {
      PLANS[p % PLANS.length].steps.forEach((_, step) => {
        if (stepMinute(p, step) < end) expect(seen(p, step)).toBe(true);
      });
    }
    function seen(process: number, step: number) {
      return slots.some((s) => s.process === process && s.step === step);
    }
  });

  it('each slot is published when its plan says', () => {
    for (const s of slots.slice(0, 300)) expect(s.minute).toBe(stepMinute(s.process, s.step));
  });

  it('firstIndexSince finds the first notice at or after a time, to the second', () => {
    for (const i of [0, 1, 17, 99, 250, 777, 1499]) {
      const time = canonicalTime(clean[i].publishTime, 'publishTime');
      const first = feed.firstIndexSince!(time, options);
      expect(first).toBeLessThanOrEqual(i);
      expect(slots[first].minute).toBe(slots[i].minute);
      if (first > 0) expect(slots[first - 1].minute).toBeLessThan(slots[i].minute);
      // One second later excludes every notice of that minute.
      const later = feed.firstIndexSince!(time.replace(/:00$/, ':01'), options);
      expect(later).toBeGreaterThan(i);
      expect(slots[later - 1].minute).toBeLessThanOrEqual(slots[i].minute);
    }
    expect(feed.firstIndexSince!('2020-01-01 00:00:00', options)).toBe(0);
    expect(feed.firstIndexSince!('2099-01-01 00:00:00', options)).toBe(options.scale);
    expect(firstIndexAtOrAfter(-5)).toBe(0);
  });
});

describe('sample notices', () => {
  it('are deterministic from (seed, index) and differ by seed', () => {
    expect(feed.record(321, options)).toEqual(feed.record(321, options));
    expect(feed.record(321, { ...options, seed: 7 })).not.toEqual(feed.record(321, options));
  });

  it('are valid, except exactly the known malformed share', () => {
    const malformed = records.map((_, i) => isMalformed(feed.path, i, options));
    expect(malformed.filter(Boolean).length).toBeGreaterThan(10);
    records.forEach((record, i) => expect([i, validate(record).length > 0]).toEqual([i, malformed[i]]));
  });

  /** The clean notices of each process, in feed order. */
  const byProcess = new Map<number, Array<Record<string, any>>>();
  clean.forEach((r, i) => byProcess.set(slots[i].process, [...(byProcess.get(slots[i].process) ?? []), { ...r, planned: PLANS[slots[i].process % PLANS.length].steps[slots[i].step].type }]));

  it('notices of one process tell one story: same project, buyer and (when they name one) winner', () => {
    for (const notices of byProcess.values()) {
      expect(new Set(notices.map((n) => normalizeProjectCode(n.projectCode))).size).toBe(1);
      expect(new Set(notices.map((n) => n.projectName)).size).toBe(1);
      expect(new Set(notices.map((n) => n.buyerName)).size).toBe(1);
      expect(new Set(notices.flatMap((n) => (n.winners ?? []).map((w: { name: string }) => w.name))).size).toBeLessThanOrEqual(1);
    }
    const codes = [...byProcess.values()].map((n) => normalizeProjectCode(n[0].projectCode));
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('an amendment points at its process’s first notice; results come after the (extended) deadline', () => {
    let amendments = 0;
    for (const notices of byProcess.values()) {
      let deadline: string | undefined;
      for (const n of notices) {
        if (n.amendedNoticeId) {
          amendments++;
          expect(n.amendedNoticeId).toBe(notices[0].noticeId);
        }
        if (n.bidDeadline) deadline = canonicalTime(n.bidDeadline, 'bidDeadline');
        if (deadline && ['candidates', 'award'].includes(n.planned)) expect(canonicalTime(n.publishTime, 'publishTime') > deadline).toBe(true);
      }
    }
    expect(amendments).toBeGreaterThan(10);
  });

  it('buyers are public bodies with valid codes: 11 for 机关, 12 for 事业单位, in 石家庄', () => {
    for (const buyer of BUYERS) {
      expect(validateUscc(buyer.uscc)).toMatchObject({ valid: true });
      expect(buyer.uscc.slice(0, 2)).toBe(buyer.category === '机关' ? '11' : '12');
      expect(buyer.uscc.slice(2, 6)).toBe('1301');
      expect(buyer.region).toMatch(/^石家庄市/);
    }
  });

  it('carry a share of odd and bad codes, and of notices with only a type name or title', () => {
    const codes = clean.flatMap((r) => [r.buyerCode, r.agencyCode, ...(r.winners ?? []).map((w: { code?: string }) => w.code)].filter(Boolean));
    const bad = codes.filter((c) => !validateUscc(c).valid).length;
    const odd = codes.filter((c) => validateUscc(c).valid && validateUscc(c).normalized !== c).length;
    expect(bad / codes.length).toBeGreaterThan(0.01);
    expect(bad / codes.length).toBeLessThan(0.1);
    expect(odd).toBeGreaterThan(0);
    expect(clean.filter((r) => !r.noticeTypeCode).length).toBeGreaterThan(0);
  });

  it('run every plan, so each notice type and trade appears', () => {
    expect(new Set(clean.map((r) => r.noticeTypeCode).filter(Boolean))).toEqual(new Set(['01', '02', '03', '04', '05', '06', '07', '08']));
    expect(new Set(clean.map((r) => r.tradeType))).toEqual(new Set(['工程建设', '政府采购', '土地使用权', '产权交易']));
    expect(new Set(clean.map((r) => r.amountUnit))).toEqual(new Set(['元', '万元']));
  });

  it('a later edition corrects a few notices: same publication time, an update time, another contact', () => {
    const edition2 = Array.from({ length: 400 }, (_, i) => feed.record(i, { ...options, edition: 2 }) as Record<string, any>);
    const changed = edition2.filter((r, i) => JSON.stringify(r) !== JSON.stringify(records[i]));
    const original = new Map(records.map((r) => [r.noticeId, r]));
    expect(changed.length).toBeGreaterThan(5);
    expect(changed.length).toBeLessThan(60);
    for (const r of changed) {
      expect(r.updateTime).toBeDefined();
      expect(original.get(r.noticeId)?.publishTime).toBe(r.publishTime);
    }
  });
});

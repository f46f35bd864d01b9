import { tradingFeeds } from '../../samples/trading';
import { BUYERS } from '../../samples/trading/buyers';
import { lotCountOf, PLANS, stepsOf } from '../../samples/trading/plans';
import { processFacts } from '../../samples/trading/processFacts';
import { firstIndexAtOrAfter, slotAt, stepMinute } from '../../samples/trading/schedule';
import { tradingNoticeRecordSchema } from '../../connectors/trading/notices/schema';
import { canonicalTime } from '../../connectors/trading/notices/time';
import { isMalformed, type FeedOptions } from '../../samples/kit/feed';
import { DEFAULT_FEED_OPTIONS } from '../../samples/kit/feedServer';
import { enterprise, POPULATION_SIZE, sectorOf } from '../../samples/kit/population';
import { validatorFor } from '../../src/sync/validation';
import { validateUscc } from '../../src/domain/uscc';
import { normalizeProjectCode } from '../../src/domain/trading';
import { DEFAULT_CITY } from '../../src/config/city';
import { citiesElsewhereIn } from '../helpers/placesElsewhere';
import { isPlanted } from '../helpers/plantedReview';

const feed = tradingFeeds[0];
const options: FeedOptions = { ...DEFAULT_FEED_OPTIONS, scale: 1500 };
const N = 1500;
const records = Array.from({ length: N }, (_, i) => feed.record(i, options) as Record<string, any>);
/** The same notices without the malformed share, for checks of what the notices say. */
const clean = Array.from({ length: N }, (_, i) => feed.record(i, { ...options, malformedRate: 0 }) as Record<string, any>);
const slots = Array.from({ length: N }, (_, i) => slotAt(i));
const validate = validatorFor(tradingNoticeRecordSchema);
const processOf = (s: { process: number; lot: number }) => `${s.process}/${s.lot}`;
/** The population's companies by name, to see what trade a party of a notice is in. */
const companies = new Map(Array.from({ length: POPULATION_SIZE }, (_, i) => enterprise(i, options.seed)).map((e) => [e.name, e]));

describe('sample schedule: index ↔ (project, lot, step)', () => {
  it('publication times never go backwards, from the first day on', () => {
    for (let i = 1; i < N; i++) expect(slots[i].minute).toBeGreaterThanOrEqual(slots[i - 1].minute);
    expect(slots[0]).toEqual({ process: 0, lot: 0, step: 0, minute: stepMinute(0, 0, 0) });
  });

  it('every (project, lot, step) appears once, and a lot’s steps come in plan order', () => {
    const seen = new Set(slots.map((s) => `${processOf(s)}/${s.step}`));
    expect(seen.size).toBe(N);
    const lastStep = new Map<string, number>();
    for (const slot of slots) {
      expect(slot.step).toBe((lastStep.get(processOf(slot)) ?? -1) + 1);
      lastStep.set(processOf(slot), slot.step);
    }
  });

  it('every step of every lot of every project that started early enough is in the feed', () => {
    const end = slots[N - 1].minute;
    const seen = new Set(slots.map((s) => `${processOf(s)}/${s.step}`));
    for (let p = 0; p < 60; p++) {
      const plan = PLANS[p % PLANS.length];
      for (let lot = 0; lot < lotCountOf(plan); lot++) {
        stepsOf(plan, lot).forEach((_, step) => {
          if (stepMinute(p, lot, step) < end) expect(seen.has(`${p}/${lot}/${step}`)).toBe(true);
        });
      }
    }
  });

  it('each slot is published when its plan says', () => {
    for (const s of slots.slice(0, 300)) expect(s.minute).toBe(stepMinute(s.process, s.lot, s.step));
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

  /** The clean notices of each process (a lot of a project), in feed order, with the step their plan says. */
  const byProcess = new Map<string, Array<Record<string, any>>>();
  clean.forEach((r, i) => {
    const slot = slots[i];
    const planned = stepsOf(PLANS[slot.process % PLANS.length], slot.lot)[slot.step].type;
    byProcess.set(processOf(slot), [...(byProcess.get(processOf(slot)) ?? []), { ...r, planned }]);
  });
  /** The clean notices of each project, all its lots. */
  const byProject = new Map<number, Array<Record<string, any>>>();
  clean.forEach((r, i) => byProject.set(slots[i].process, [...(byProject.get(slots[i].process) ?? []), r]));

  it('notices of one process tell one story: same project, lot, buyer and (when they name one) winner', () => {
    for (const notices of byProcess.values()) {
      expect(new Set(notices.map((n) => normalizeProjectCode(n.projectCode))).size).toBe(1);
      expect(new Set(notices.map((n) => n.projectName)).size).toBe(1);
      expect(new Set(notices.map((n) => `${n.lotCode} ${n.lotName}`)).size).toBe(1);
      expect(new Set(notices.map((n) => n.buyerName)).size).toBe(1);
      expect(new Set(notices.flatMap((n) => (n.winners ?? []).map((w: { name: string }) => w.name))).size).toBeLessThanOrEqual(1);
    }
    const codes = [...byProject.values()].map((n) => normalizeProjectCode(n[0].projectCode));
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('most projects are one lot; some are divided into 2 to 4, each lot with its own code, name, budget and winner', () => {
    const lotCounts = [...byProject.values()].map((notices) => new Set(notices.map((n) => n.lotCode)).size);
    const divided = lotCounts.filter((count) => count > 1);
    expect(divided.length).toBeGreaterThan(10);
    expect(divided.length).toBeLessThan(lotCounts.length / 2);
    expect(new Set(divided)).toEqual(new Set([2, 3, 4]));
    for (const notices of byProject.values()) {
      const lots = new Set(notices.map((n) => n.lotCode));
      for (const lot of lots) expect(lot.startsWith(normalizeProjectCode(notices[0].projectCode))).toBe(true);
      if (lots.size === 1) {
        // An undivided project's one lot carries the project's name; its titles name no lot.
        for (const n of notices) expect([n.lotName, n.noticeTitle.includes('标段）') || n.noticeTitle.includes('包）')]).toEqual([n.projectName, false]);
      } else {
        for (const n of notices) expect(n.noticeTitle).toContain(`（${n.lotName}）`);
        // Each lot is tendered with a budget of its own.
        const tendered = notices.filter((n) => n.bidDeadline && !n.amendedNoticeId);
        expect(new Set(tendered.map((n) => n.budget)).size).toBe(new Set(tendered.map((n) => n.lotCode)).size);
      }
    }
  });

  it('the lots of a project can end differently: one package fails while the other is awarded', () => {
    const mixed = [...byProject.values()].filter((notices) => {
      const cancelledLots = new Set(notices.filter((n) => n.planned === 'cancellation' || n.cancelReason).map((n) => n.lotCode));
      const awardedLots = new Set(notices.filter((n) => n.winners).map((n) => n.lotCode));
      return cancelledLots.size > 0 && awardedLots.size > 0;
    });
    expect(mixed.length).toBeGreaterThan(3);
  });

  it('an amendment points at its lot’s first notice; results come after the (extended) deadline', () => {
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

  it('buyers are public bodies of 大庆市 with valid codes: 11 for 机关, 12 for 事业单位', () => {
    for (const buyer of BUYERS) {
      expect(validateUscc(buyer.uscc)).toMatchObject({ valid: true });
      expect(buyer.uscc.slice(0, 2)).toBe(buyer.category === '机关' ? '11' : '12');
      expect(buyer.uscc.slice(2, 8)).toBe(buyer.regionCode);
      expect(buyer.regionCode.slice(0, 4)).toBe('2306');
      expect(buyer.region).toMatch(/^大庆市/);
      expect(buyer.name).toMatch(/^(大庆|肇源县|肇州县|林甸县|杜尔伯特)/);
    }
  });

  it('are set in 大庆市: the city’s trading centre publishes, regions are its divisions, phones its area code', () => {
    const divisions = [DEFAULT_CITY.name, ...DEFAULT_CITY.districts.map((d) => `${DEFAULT_CITY.name}${d.name}`)];
    for (const r of clean) {
      expect(r.platformName).toBe('大庆市公共资源交易中心');
      expect(divisions).toContain(r.region);
      expect(r.regionCode).toBe(BUYERS.find((b) => b.name === r.buyerName)!.regionCode);
      expect(r.contactPhone).toMatch(/^(0459-\d{7}|1\d{10})$/);
    }
    const phones = clean.map((r) => r.contactPhone as string);
    expect(phones.filter((p) => p.startsWith('0459-')).length).toBeGreaterThan(N / 3);
  });

  it('name no place of another province in a title, project, lot, publisher, region or party', () => {
    for (const r of clean) {
      const parties = [r.buyerName, r.agencyName, ...(r.tenderers ?? []).map((t: { name: string }) => t.name), ...(r.winners ?? []).map((w: { name: string }) => w.name)];
      const text = [r.noticeTitle, r.projectName, r.lotName, r.platformName, r.region, ...parties].filter(Boolean).join(' ');
      expect([r.noticeId, citiesElsewhereIn(text)]).toEqual([r.noticeId, []]);
    }
  });

  it('give no link of their own: the hub builds it from the platform’s address pattern', () => {
    for (const r of clean) expect(r).not.toHaveProperty('url');
  });

  it('tendering agents are agencies (招标代理, 工程咨询), never an ordinary company', () => {
    const agents = clean.filter((r) => r.agencyName);
    expect(agents.length).toBeGreaterThan(N / 3);
    for (const r of agents) {
      const agent = companies.get(r.agencyName);
      expect([r.agencyName, agent && sectorOf(agent.industry)]).toEqual([r.agencyName, 'agency']);
    }
    for (let p = 0; p < 40; p++) {
      const facts = processFacts(p, options.seed);
      if (facts.agency) expect(sectorOf(facts.agency.industry)).toBe('agency');
    }
  });

  it('bidders fit the trade: builders for works, developers for land, suppliers of the kind of thing bought', () => {
    const fitting: Record<string, (industry: string) => boolean> = {
      工程建设: (industry) => sectorOf(industry) === 'construction' && industry !== '建材',
      土地使用权: (industry) => industry === '房地产开发',
      产权交易: (industry) => sectorOf(industry) !== 'agency',
      政府采购: (industry) => !['agency', 'oilfield', 'petrochemical', 'agriculture', 'dairy', 'food', 'gas'].includes(sectorOf(industry)) || industry === '工程咨询',
    };
    let checked = 0;
    // A deal planted for the review (samples/review) names a natural person as the transferee: no company.
    for (const r of clean.filter((r) => !isPlanted('trading/notices', r.noticeId, { ...options, malformedRate: 0 }))) {
      for (const name of [...(r.tenderers ?? []), ...(r.winners ?? [])].map((b: { name: string }) => b.name)) {
        const bidder = companies.get(name)!;
        expect([r.tradeType, r.projectName, name, fitting[r.tradeType](bidder.industry)]).toEqual([r.tradeType, r.projectName, name, true]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(200);
    // What a purchase names decides who bids: medical suppliers for a scanner, property services for cleaning.
    const winnersOf = (words: RegExp) => clean.filter((r) => words.test(r.projectName) && r.winners).map((r) => companies.get(r.winners[0].name)!.industry);
    expect(new Set(winnersOf(/超声诊断仪|生化分析仪|加速器/))).toEqual(new Set(['医药']));
    expect(new Set(winnersOf(/物业管理服务|清扫保洁/))).toEqual(new Set(['物业服务']));
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

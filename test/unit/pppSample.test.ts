import { MALFORMED_FIELDS, pppProjectsSample } from '../../samples/ppp/projects';
import { pppProjects } from '../../connectors/ppp/projects/stream';
import { PROJECTS_PATH } from '../../connectors/ppp/projects/path';
import { CHANGE_CLASSES, projectAt, positionTime } from '../../samples/ppp/editions';
import { enterprise, POPULATION_SIZE } from '../../samples/kit/population';
import { pppProjectRecordSchema, type PppProjectRecord } from '../../connectors/ppp/projects/schema';
import { isMalformed, type FeedOptions } from '../../samples/kit/feed';
import { DEFAULT_FEED_OPTIONS } from '../../samples/kit/feedServer';
import { validatorFor } from '../../src/sync/validation';
import { validateUscc } from '../../src/domain/uscc';
import { parseChinaTime } from '../../src/domain/chinaTime';
import { MAPPING } from '../helpers/mapping';

const SCALE = 600;
const options = (extra: Partial<FeedOptions> = {}): FeedOptions => ({ ...DEFAULT_FEED_OPTIONS, scale: SCALE, ...extra });
const validate = validatorFor(pppProjectRecordSchema);
const records = (o: FeedOptions) => Array.from({ length: o.scale }, (_, i) => pppProjectsSample.record(i, o) as PppProjectRecord);
const valid = (o: FeedOptions) => records(o).filter((r) => validate(r).length === 0);
const byNumber = (list: PppProjectRecord[]) => new Map(list.map((r) => [r.projNo, r]));
const time = (text: string) => parseChinaTime(text)!.getTime();

describe('PPP sample library', () => {
  it('is deterministic by (seed, index) and differs by seed', () => {
    const o = options();
    expect(pppProjectsSample.record(17, o)).toEqual(pppProjectsSample.record(17, o));
    expect(pppProjectsSample.record(17, o)).not.toEqual(pppProjectsSample.record(17, options({ seed: 7 })));
    expect(pppProjectsSample.path).toBe('/ppp/projects');
    expect(pppProjectsSample.count(o)).toBe(SCALE);
  });

  it('every edition lists every project once, ascending by update time', () => {
    for (const edition of [1, 2, 3, CHANGE_CLASSES + 3]) {
      const o = options({ edition });
      const projects = Array.from({ length: SCALE }, (_, i) => projectAt(i, o));
      expect(new Set(projects).size).toBe(SCALE);
      expect(Math.max(...projects)).toBe(SCALE - 1);
      const times = Array.from({ length: SCALE }, (_, i) => positionTime(i, o).toMillis());
      expect(times).toEqual([...times].sort((a, b) => a - b));
      // What a client reads is what the layout says: the records' own update times ascend too.
      const written = valid(o).map((r) => time(r.updateTime));
      expect(written).toEqual([...written].sort((a, b) => a - b));
    }
  });

  it('firstIndexSince is the first position at or after `since`', () => {
    for (const edition of [1, 2, 4]) {
      const o = options({ edition });
      const times = Array.from({ length: SCALE }, (_, i) => positionTime(i, o));
      const probes = [times[0].minus({ days: 1 }), times[0], times[123], times[123].plus({ seconds: 1 }), times[SCALE - 1], times[SCALE - 1].plus({ hours: 1 })];
      for (const probe of probes) {
        const expected = times.findIndex((t) => t >= probe);
        expect(pppProjectsSample.firstIndexSince!(probe.toFormat('yyyy-MM-dd HH:mm:ss'), o)).toBe(expected === -1 ? SCALE : expected);
      }
      expect(pppProjectsSample.firstIndexSince!('not a time', o)).toBe(0);
    }
  });

  it('projects are 石家庄市 projects of the usual kinds, sizes and terms, in every stage', () => {
    const list = valid(options());
    expect(new Set(list.map((r) => r.distCityName))).toEqual(new Set(['石家庄市']));
    expect(new Set(list.map((r) => String(r.projState)))).toEqual(new Set(['0', '1', '2', '3', '4']));
    for (const r of list) {
      // 千万 to 百亿 元, in 分.
      expect(r.investCount).toBeGreaterThanOrEqual(1e7 * 100);
      expect(r.investCount).toBeLessThanOrEqual(5e10 * 100);
      expect(r.cooperationTerm).toBeGreaterThanOrEqual(10);
      expect(r.cooperationTerm).toBeLessThanOrEqual(30);
      expect(r.projName).toMatch(/^石家庄市.+PPP项目$/);
      expect(time(r.startTime)).toBeLessThan(time(r.updateTime));
    }
    const industries = new Set(list.map((r) => r.industryOptionalName));
    for (const kind of ['污水处理', '垃圾处理', '市政道路', '轨道交通', '义务教育', '医院', '养老业', '海绵城市', '供热']) expect(industries).toContain(kind);
  });

  it('the stage decides what a record carries: a plan from 准备, partners and a contract from 执行', () => {
    for (const r of valid(options())) {
      const stage = Number(r.projState);
      expect(r.implPlanInfo === null).toBe(stage < 1);
      expect((r.socialCapitalList ?? []).length > 0).toBe(stage >= 3);
      expect(r.contractSignTime === null).toBe(stage < 3);
      if (r.contractSignTime) expect(time(r.contractSignTime)).toBeGreaterThan(time(r.startTime));
    }
  });

  it('the implementing agency is a government body (11…), partners come from the shared population', () => {
    const list = valid(options());
    const population = new Map(Array.from({ length: POPULATION_SIZE }, (_, i) => enterprise(i, DEFAULT_FEED_OPTIONS.seed)).map((e) => [e.uscc, e]));
    const agencyCodes = list.map((r) => r.implOrgCode).filter((c): c is string => !!c && validateUscc(c).valid);
    expect(agencyCodes.length).toBeGreaterThan(list.length * 0.8);
    for (const code of agencyCodes) expect(validateUscc(code).normalized).toMatch(/^11130[01]/);
    const partners = list.flatMap((r) => r.socialCapitalList ?? []);
    const known = partners.filter((p) => population.has(validateUscc(p.socialCapitalCode!).normalized));
    expect(known.length).toBeGreaterThan(partners.length * 0.9);
    for (const p of known) expect(population.get(validateUscc(p.socialCapitalCode!).normalized)!.name).toBe(p.socialCapitalName);
  });

  it('a share of codes is oddly written or wrong, to be stored and flagged rather than rejected', () => {
    const list = valid(options({ scale: 2000 }));
    const codes = list.flatMap((r) => [r.implOrgCode, ...(r.socialCapitalList ?? []).map((p) => p.socialCapitalCode)]).filter((c): c is string => !!c);
    const odd = codes.filter((c) => validateUscc(c).normalized !== c);
    const wrong = codes.filter((c) => !validateUscc(c).valid);
    expect(odd.length).toBeGreaterThan(0);
    expect(wrong.length).toBeGreaterThan(0);
    expect(wrong.length).toBeLessThan(codes.length * 0.05);
  });

  it('contacts are personal information: a mobile or an office line, with a name', () => {
    const list = valid(options());
    expect(list.filter((r) => /^1\d{2}-?\d{4}-?\d{4}$/.test(r.linkTel!)).length).toBeGreaterThan(0);
    expect(list.filter((r) => /^0311-\d{8}$/.test(r.linkTel!)).length).toBeGreaterThan(0);
    for (const r of list) expect(r.linkUname).toMatch(/^\p{Script=Han}{2,3}$/u);
  });

  it('exactly the projects isMalformed names are malformed, each in a field the quarantine names', () => {
    const o = options();
    const malformedProjects = new Set(Array.from({ length: SCALE }, (_, p) => p).filter((p) => isMalformed(PROJECTS_PATH, p, o)));
    expect(malformedProjects.size).toBeGreaterThan(0);
    const rejected = new Set<string>();
    for (let position = 0; position < SCALE; position++) {
      const errors = validate(pppProjectsSample.record(position, o));
      expect(errors.length > 0).toBe(malformedProjects.has(projectAt(position, o)));
      for (const e of errors) rejected.add(e.path.slice(1));
    }
    expect([...rejected].every((field) => (MALFORMED_FIELDS as readonly string[]).includes(field))).toBe(true);
  });

  it('every valid record maps to a disclosure', () => {
    for (const r of valid(options({ edition: 3 }))) expect(() => pppProjects.toDisclosure(r, MAPPING)).not.toThrow();
  });

  it('a later edition changes about one project in six: the same projects, later, one stage further or a new contact', () => {
    const first = byNumber(valid(options()));
    const second = byNumber(valid(options({ edition: 2 })));
    expect([...second.keys()].sort()).toEqual([...first.keys()].sort());
    const lastOfFirst = Math.max(...[...first.values()].map((r) => time(r.updateTime)));
    const changed = [...second.values()].filter((r) => JSON.stringify(r) !== JSON.stringify(first.get(r.projNo)));
    expect(changed.length).toBeGreaterThan(SCALE / CHANGE_CLASSES / 2);
    expect(changed.length).toBeLessThan((SCALE / CHANGE_CLASSES) * 1.5);
    let advanced = 0;
    for (const now of changed) {
      const before = first.get(now.projNo)!;
      expect(time(now.updateTime)).toBeGreaterThan(lastOfFirst);
      const step = Number(now.projState) - Number(before.projState);
      expect([0, 1]).toContain(step);
      if (step === 0) expect(now.linkTel).not.toBe(before.linkTel);
      if (step === 1) advanced++;
      if (step === 1 && Number(now.projState) === 3) {
        expect(before.socialCapitalList).toEqual([]);
        expect(now.socialCapitalList!.length).toBeGreaterThan(0);
        expect(now.contractSignTime).not.toBeNull();
      }
      // What the project is does not change with its stage.
      expect({ ...now, projState: 0, implPlanInfo: 0, socialCapitalList: 0, contractSignTime: 0, linkUname: 0, linkTel: 0, updateTime: 0 }).toEqual({
        ...before,
        projState: 0,
        implPlanInfo: 0,
        socialCapitalList: 0,
        contractSignTime: 0,
        linkUname: 0,
        linkTel: 0,
        updateTime: 0,
      });
    }
    expect(advanced).toBeGreaterThan(0);
    // Projects that did not change are written exactly as before.
    const unchanged = [...second.values()].filter((r) => !changed.includes(r));
    for (const r of unchanged) expect(r).toEqual(first.get(r.projNo));
  });

  it('an edition keeps the changes of the editions before it', () => {
    const second = byNumber(valid(options({ edition: 2 })));
    const third = byNumber(valid(options({ edition: 3 })));
    const endOfFirst = time(valid(options()).at(-1)!.updateTime);
    const changedIn2 = [...second.values()].filter((r) => time(r.updateTime) > endOfFirst);
    expect(changedIn2.length).toBeGreaterThan(0);
    for (const r of changedIn2) expect(third.get(r.projNo)).toEqual(r);
  });
});

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
import { citiesElsewhereIn } from '../helpers/placesElsewhere';
import { attributesOf } from '../../src/domain/contract';
import { constructionWord, EXISTING_ASSET_MODES, NEW_MECHANISM } from '../../src/domain/ppp';
import { DEFAULT_CITY } from '../../src/config/city';

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

  it('projects are 大庆市 projects of the city, its districts and counties, of the usual kinds, sizes and terms, in every stage', () => {
    const list = valid(options());
    const divisions = new Map(DEFAULT_CITY.districts.map((d) => [d.name, d.code]));
    expect(new Set(list.map((r) => r.distProvinceName))).toEqual(new Set(['黑龙江省']));
    expect(new Set(list.map((r) => r.distCityName))).toEqual(new Set(['大庆市']));
    expect(new Set(list.map((r) => r.distName || '大庆市'))).toEqual(new Set(['大庆市', ...divisions.keys()]));
    expect(new Set(list.map((r) => String(r.projState)))).toEqual(new Set(['0', '1', '2', '3', '4']));
    for (const r of list) {
      // 千万 to 百亿 元, in 分.
      expect(r.investCount).toBeGreaterThanOrEqual(1e7 * 100);
      expect(r.investCount).toBeLessThanOrEqual(5e10 * 100);
      expect(r.cooperationTerm).toBeGreaterThanOrEqual(10);
      expect(r.cooperationTerm).toBeLessThanOrEqual(30);
      expect(r.projName).toMatch(/^大庆市.+PPP项目$/);
      expect(r.projName.startsWith(`大庆市${r.distName ?? ''}`)).toBe(true);
      // The project number starts with its division's code: 2306xx, then the year it began.
      expect(r.projNo).toBe(`${r.distName ? divisions.get(r.distName) : '230600'}${r.startTime.slice(0, 4)}${r.projNo.slice(10)}`);
      expect(time(r.startTime)).toBeLessThan(time(r.updateTime));
    }
    const industries = new Set(list.map((r) => r.industryOptionalName));
    for (const kind of ['供热', '供水', '污水处理', '市政道路', '其他', '现代农业', '农村供水', '养老业', '医院', '义务教育']) expect(industries).toContain(kind);
    expect(list.filter((r) => r.projName.includes('油田矿区')).length).toBeGreaterThan(0);
  });

  it('no project, agency, partner or equity representative names another province’s city', () => {
    for (const r of valid(options({ edition: 3 }))) {
      const names = [r.projName, r.implOrgName, r.implPlanInfo?.govInvestOrgName ?? '', ...(r.socialCapitalList ?? []).map((p) => p.socialCapitalName)];
      expect([r.projNo, citiesElsewhereIn(names.join('|'))]).toEqual([r.projNo, []]);
    }
  });

  it('the platform’s project id is 32 hex digits, one per project, the same in every edition', () => {
    const first = valid(options());
    const ids = first.map((r) => r.projRid);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(ids).size).toBe(ids.length);
    const later = new Map(valid(options({ edition: 4 })).map((r) => [r.projNo, r.projRid]));
    for (const r of first) expect(later.get(r.projNo)).toBe(r.projRid);
  });

  it('the samples fit PPP policy: since the 2023 reform only user-pays franchises; O&M only for existing assets', () => {
    const list = valid(options({ scale: 2000 }));
    const recent = list.filter((r) => r.startTime.replace(/\//g, '-') >= '2024');
    expect(recent.length).toBeGreaterThan(50);
    for (const r of list.filter((x) => parseChinaTime(x.startTime)! >= parseChinaTime(NEW_MECHANISM.from)!)) {
      expect([r.projNo, String(r.returnMode)]).toEqual([r.projNo, '2']);
      expect(NEW_MECHANISM.operateModes).toContain(String(r.operateMode));
    }
    const existingAssetProjects = list.filter((r) => EXISTING_ASSET_MODES.operateModes.includes(String(r.operateMode)));
    expect(existingAssetProjects.length).toBeGreaterThan(0);
    for (const r of existingAssetProjects) expect([r.projName, constructionWord(r.projName)]).toEqual([r.projName, undefined]);
    // What the hub would flag: nothing in the sample.
    for (const r of list) expect([r.projNo, attributesOf(pppProjects.toDisclosure(r, MAPPING), 'ppp-project').policyConflicts]).toEqual([r.projNo, []]);
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
    for (const code of agencyCodes) expect(validateUscc(code).normalized).toMatch(/^112306/);
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

  it('contacts are the agency’s: a named person with the office line (0459), sometimes a mobile, now and then both', () => {
    const list = valid(options());
    const office = /^0459-\d{7,8}$/;
    const mobile = /^1\d{2}-?\d{4}-?\d{4}$/;
    expect(list.filter((r) => office.test(r.linkTel!)).length).toBeGreaterThan(list.length * 0.4);
    expect(list.filter((r) => mobile.test(r.linkTel!)).length).toBeGreaterThan(0);
    expect(list.filter((r) => /^0459-\d{7,8}，1\d{2}-?\d{4}-?\d{4}$/.test(r.linkTel!)).length).toBeGreaterThan(0);
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

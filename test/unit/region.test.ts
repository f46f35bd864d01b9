import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_CITY } from '../../src/config/city';
import { loadConfig, ConfigError } from '../../src/config/config';
import { regionVocabulary } from '../../src/domain/region';

const regions = regionVocabulary(DEFAULT_CITY);

describe('one region vocabulary (docs/standards/city.md)', () => {
  it.each([
    ['萨尔图区', '萨尔图区', '230602'],
    ['大庆市萨尔图区', '萨尔图区', '230602'],
    ['黑龙江省大庆市萨尔图区', '萨尔图区', '230602'],
    ['萨尔图', '萨尔图区', '230602'],
    ['大庆萨尔图区', '萨尔图区', '230602'],
    ['230602', '萨尔图区', '230602'],
    [' 大庆市 让胡路区 ', '让胡路区', '230604'],
    ['杜蒙', '杜尔伯特蒙古族自治县', '230624'],
    ['杜尔伯特县', '杜尔伯特蒙古族自治县', '230624'],
    ['大庆市杜尔伯特蒙古族自治县', '杜尔伯特蒙古族自治县', '230624'],
    ['肇源', '肇源县', '230622'],
    ['大庆市', '大庆市', '230600'],
    ['大庆', '大庆市', '230600'],
    ['大庆高新区', '大庆市', '230600'],
    ['萨尔图区东风新村街道', '萨尔图区', '230602'],
    ['哈尔滨', '哈尔滨市', '230100'],
    ['黑龙江省哈尔滨市', '哈尔滨市', '230100'],
    ['大兴安岭', '大兴安岭地区', '232700'],
    ['黑龙江省', '黑龙江省', '230000'],
  ])('reads %s as %s (%s)', (raw, name, code) => {
    expect(regions.resolve(raw)).toEqual({ name, code });
  });

  it("keeps a place outside the city's vocabulary as written, with no code", () => {
    // Foreign input: a feed from another province must not be forced into one of the city's places.
    expect(regions.resolve('石家庄市正定县')).toEqual({ name: '石家庄市正定县', code: null });
    expect(regions.resolve('999999')).toEqual({ name: '999999', code: null });
  });

  it('has no region for an empty value', () => {
    expect(regions.resolve('')).toBeNull();
    expect(regions.resolve('  ')).toBeNull();
    expect(regions.resolve(null)).toBeNull();
  });
});

describe('the city setting', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-city-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, content: unknown) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
    return file;
  };

  it('is 大庆市 by default, its trading centre the OCDS publisher', () => {
    const config = loadConfig({});
    expect(config.city.name).toBe('大庆市');
    expect(config.city.phoneAreaCode).toBe('0459');
    expect(config.publisherName).toBe('大庆市公共资源交易中心');
  });

  it('comes from HUB_CITY_FILE when set', () => {
    const file = write('city.json', { ...DEFAULT_CITY, ocdsPublisher: '某市公共资源交易中心' });
    expect(loadConfig({ HUB_CITY_FILE: file }).publisherName).toBe('某市公共资源交易中心');
  });

  it('refuses a city file that does not fit, naming each mistake', () => {
    const file = write('bad.json', { ...DEFAULT_CITY, phoneAreaCode: '459', districts: [{ name: '萨尔图区', code: '2306' }] });
    expect(() => loadConfig({ HUB_CITY_FILE: file })).toThrow(ConfigError);
    expect(() => loadConfig({ HUB_CITY_FILE: file })).toThrow(/\/phoneAreaCode[\s\S]*\/districts\/0\/code|\/districts\/0\/code[\s\S]*\/phoneAreaCode/);
    expect(() => loadConfig({ HUB_CITY_FILE: write('broken.json', '{"name":') })).toThrow(/could not be read as JSON/);
    const foreign = write('foreign.json', { ...DEFAULT_CITY, districts: [{ name: '正定县', code: '130123' }] });
    expect(() => loadConfig({ HUB_CITY_FILE: foreign })).toThrow(/正定县 \(130123\) are not under 大庆市/);
  });

  it('takes a source link pattern per connector from HUB_SOURCE_LINK_<CONNECTOR>', () => {
    const config = loadConfig({ HUB_SOURCE_LINK_TRADING: 'https://ggzy.example.gov.cn/{key}' });
    expect(config.city.sourceLinks.trading).toBe('https://ggzy.example.gov.cn/{key}');
    expect(config.city.sourceLinks.ppp).toBe(DEFAULT_CITY.sourceLinks.ppp);
    expect(() => loadConfig({ HUB_SOURCE_LINK_TRADING: 'ggzy/{key}' })).toThrow(/HUB_SOURCE_LINK_TRADING must be an http\(s\) address pattern/);
  });
});

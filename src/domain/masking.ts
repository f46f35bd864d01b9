/**
 * Masking of a natural person's personal information, by the hub's one privacy rule
 * (docs/standards/privacy.md): a natural person's ID number, mobile number and home address are
 * stored for matching but never served publicly; an organisation's published business contact
 * (its office line, the contact person it names for a notice or a project) is public and served
 * as published.
 *
 * Forms from the standard (STANDARDS §3): an ID number keeps its first 6 and last 4 characters, a
 * phone number its first 3 and last 4 digits. Everything else here (addresses, short values,
 * free-text scanning, telling a mobile from an office line) is our reading and is documented where
 * it is decided.
 */

export type PersonalInfoKind = 'idNumber' | 'phone' | 'address';

const MASK = '*';
/** What replaces the hidden part of an address: its length would leak the detail's length. */
const ADDRESS_MASK = '****';

/**
 * Replace all but the first `keepStart` and last `keepEnd` characters with one '*' each, so the
 * masked value has the original length (110101199003071234 → 110101********1234).
 * When the value is too short to hide anything while keeping both ends, everything is masked:
 * showing 10 of 10 characters would be no masking at all.
 */
function maskMiddle(value: string, keepStart: number, keepEnd: number): string {
  const chars = Array.from(value); // code points, so a stray non-BMP character counts once
  if (chars.length <= keepStart + keepEnd) return MASK.repeat(chars.length);
  return (
    chars.slice(0, keepStart).join('') +
    MASK.repeat(chars.length - keepStart - keepEnd) +
    chars.slice(chars.length - keepEnd).join('')
  );
}

/** ID number (18 characters, or the old 15-digit form): keep first 6 and last 4. */
export function maskIdNumber(id: string): string {
  return maskMiddle(id.trim(), 6, 4);
}

/**
 * Phone number: keep the first 3 and last 4 digits (13812345678 → 138****5678).
 *
 * Decisions: the rule counts digits, not characters, so separators stay where they are
 * (138-1234-5678 → 138-****-5678) and do not shift what is revealed; a leading country code
 * (+86, 0086, or 86 before a separator or an 11-digit mobile number) is kept as is and the rule
 * applies to the national number; a number with 7 or fewer digits has all its digits masked (nothing would be hidden otherwise).
 */
export function maskPhone(phone: string): string {
  const trimmed = phone.trim();
  const prefix = /^(?:\+86|0086|86(?=[\s-]|1[3-9]\d{9}$))[\s-]*/.exec(trimmed)?.[0] ?? '';
  const national = trimmed.slice(prefix.length);
  const digitCount = (national.match(/\d/g) ?? []).length;
  const hideAll = digitCount <= 3 + 4;
  let seen = 0;
  const masked = national.replace(/\d/g, (d) => {
    seen++;
    const revealed = !hideAll && (seen <= 3 || seen > digitCount - 4);
    return revealed ? d : MASK;
  });
  return prefix + masked;
}

/** Province-level unit at the start of an address (省, 自治区, municipality, SAR). */
const PROVINCE = /^(?:[^省市区县]{2,7}?(?:省|自治区)|北京市|天津市|上海市|重庆市|香港特别行政区|澳门特别行政区)/;
/** Prefecture-level unit (市, 自治州, 地区, 盟); may not cross a district-level suffix. */
const CITY = /^[^省市区县旗镇乡街路道号]{1,10}?(?:市|自治州|地区|盟)/;
/**
 * County-level unit (区, 县, 市 for county-level cities, 旗 for banners). Heuristics, because a
 * wrong match would reveal private detail: the name may not contain the markers of finer places
 * (镇, 乡, 街, 路, 道, 号, 村), so "长安镇工业区" is not taken for a district; and words that end in
 * 区/市 but are not administrative units (小区, 社区, 园区, 校区, 景区, 厂区, 片区, 街区, 超市, 菜市,
 * 夜市) do not count as the suffix.
 */
const DISTRICT =
  /^[^省市区县旗镇乡街路道号村]{1,15}?(?:(?<![小社园校景厂片街])区|县|(?<![超菜夜])市|旗)/;

/**
 * Address: keep the administrative part down to the district/county level and replace the rest
 * with '****' (广东省深圳市南山区科技园路1号 → 广东省深圳市南山区****).
 *
 * Decisions: the province part and the prefecture part are each optional (municipalities have no
 * prefecture; feeds often omit the province); the first 区/县/市/旗 after them ends the kept
 * prefix. When no district-level unit can be found, the whole address is masked — when unsure,
 * hide more. An address that ends at the district has no detail to hide and is returned as is.
 */
export function maskAddress(address: string): string {
  const text = address.trim();
  const province = PROVINCE.exec(text)?.[0] ?? '';
  const afterProvince = text.slice(province.length);
  const city = CITY.exec(afterProvince)?.[0] ?? '';
  const afterCity = afterProvince.slice(city.length);
  const district = DISTRICT.exec(afterCity)?.[0];
  if (!district) return text.length > 0 ? ADDRESS_MASK : '';
  const kept = province + city + district;
  return kept.length === text.length ? kept : kept + ADDRESS_MASK;
}

/** Mask one value of a known kind (docs/design.md, "Library entry"). */
export function maskPersonalInfo(value: string, kind: PersonalInfoKind): string {
  if (typeof value !== 'string') {
    throw new TypeError(`maskPersonalInfo expects a string value, got ${typeof value}`);
  }
  switch (kind) {
    case 'idNumber':
      return maskIdNumber(value);
    case 'phone':
      return maskPhone(value);
    case 'address':
      return maskAddress(value);
    default:
      throw new Error(
        `Unknown personal information kind '${String(kind)}'; expected idNumber, phone or address`,
      );
  }
}

/**
 * 18-character resident ID: 6-digit region (not starting with 0), birth date YYYYMMDD,
 * 3-digit sequence, check digit or X. Not adjacent to other digits, so a longer number (an
 * account number) is not cut into an "ID". The birth date is checked separately (isBirthDate).
 * Only 18-character IDs are looked for: the old 15-digit form matches too many ordinary numbers.
 */
const ID_NUMBER = /(?<!\d)[1-9]\d{5}(?:18|19|20)\d{2}[01]\d[0-3]\d\d{3}[\dXx](?!\d)/g;

/**
 * Mainland mobile number 1[3-9]xxxxxxxxx, optionally written 3-4-4 with blanks or hyphens and
 * with a +86/0086/86 prefix. Not adjacent to other digits, so it is not found inside an ID
 * number or a longer number.
 */
const MOBILE = /(?<!\d)(?:(?:\+|00)?86[\s-]?)?1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}(?!\d)/g;

/** A real calendar date in 1800–2099: 19900230 is not one, so it is not taken for an ID. */
function isBirthDate(yyyymmdd: string): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

interface Found {
  kind: 'idNumber' | 'phone';
  start: number;
  text: string;
}

/** Every unmasked ID number and mobile number in the text, in order of position. */
function findAll(text: string): Found[] {
  const found: Found[] = [];
  for (const m of text.matchAll(ID_NUMBER)) {
    if (isBirthDate(m[0].slice(6, 14))) found.push({ kind: 'idNumber', start: m.index ?? 0, text: m[0] });
  }
  for (const m of text.matchAll(MOBILE)) {
    found.push({ kind: 'phone', start: m.index ?? 0, text: m[0] });
  }
  const identifiers = hexIdentifiers(text);
  // The digit look-arounds make an ID and a phone unable to overlap; sort to restore text order.
  return found.filter((f) => !identifiers.some(([start, end]) => f.start >= start && f.start < end)).sort((a, b) => a.start - b.start);
}

/**
 * A hexadecimal identifier of 32 characters or more (a platform's project id such as
 * 91fe736c280a47b183e2727b40cc8dc4, a content hash), standing alone. Its digit runs can look like a
 * phone or ID number, but they are part of the identifier: masking one would break the link or
 * hash that carries it, and a leak scan would report a leak that is not one.
 */
const HEX_IDENTIFIER = /(?<![0-9A-Za-z])[0-9A-Fa-f]{32,}(?![0-9A-Za-z])/g;

/** The [start, end) spans of the hexadecimal identifiers in the text. */
function hexIdentifiers(text: string): Array<[number, number]> {
  return [...text.matchAll(HEX_IDENTIFIER)].map((m) => [m.index ?? 0, (m.index ?? 0) + m[0].length]);
}

/**
 * Unmasked personal information in free text: 18-digit ID numbers with a valid-looking birth date
 * and mobile numbers. Returns each distinct occurrence once, in order of first appearance.
 * Used by tests that scan API responses for leaks, so it errs on the side of reporting: an ID
 * with a wrong check digit is still a leak and is reported.
 */
export function findUnmaskedPersonalInfo(text: string): string[] {
  return [...new Set(findAll(text).map((f) => f.text))];
}

/** Mask every ID number and mobile number found in free text (addresses cannot be found reliably). */
export function maskPersonalInfoInText(text: string): string {
  let out = '';
  let cursor = 0;
  for (const f of findAll(text)) {
    out += text.slice(cursor, f.start) + maskPersonalInfo(f.text, f.kind);
    cursor = f.start + f.text.length;
  }
  return out + text.slice(cursor);
}

/**
 * The phone field of a published business contact (a trading notice's contact, a PPP project's
 * contact at its implementing agency): office lines are the organisation's and stay as published
 * (0459-4612345); every mobile number in the field is a natural person's and is masked with
 * maskPhone (13812345678 → 138****5678), wherever it stands and however it is separated. The rest
 * of the text (separators, extensions, a second office line) is kept as written.
 *
 * Decision: a number counts as a mobile by its form (1[3-9] and 11 digits, optionally +86/0086),
 * since nothing else in a feed says whose it is; any other number is an office or service line.
 */
export function maskContactPhone(phone: string): string {
  return phone.trim().replace(MOBILE, (mobile) => maskPhone(mobile));
}

/** Whether the text holds an unmasked mainland mobile number (in any of the forms MOBILE reads). */
export function containsMobileNumber(text: string): boolean {
  return new RegExp(MOBILE.source).test(text);
}

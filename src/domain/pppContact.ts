import { maskPhone } from './masking';

/**
 * The project contact of a PPP project (linkUname / linkTel): a natural person's name and phone,
 * personal information (docs/standards/credit-publicity.md "Privacy", docs/standards/ppp.md).
 * The originals are kept for matching and never served; the served forms are masked.
 */
export interface MaskedContact {
  /** Served: surname + '*' (王伟 → 王*). */
  name: string | null;
  /** Served: first 3 and last 4 digits (13812345678 → 138****5678). */
  phone: string | null;
}

export interface ContactMasking {
  masked: MaskedContact;
  /** The originals, for the `personal` column; null when the record names no contact. */
  personal: { linkUname?: string; linkTel?: string } | null;
}

/** Two-character surnames still in use; a longer name starting with one keeps both characters. */
const COMPOUND_SURNAMES = [
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '令狐',
  '轩辕', '端木', '独孤', '南宫', '西门', '百里', '呼延', '万俟', '申屠', '澹台', '钟离', '闻人', '赫连', '拓跋',
];

/** Feeds put several contacts or numbers in one field: 张伟、李娜 / 0311-86012345，13812345678. */
const LIST_SEPARATOR = /\s*[、,，;；/]\s*/;

/**
 * Keep the surname, replace the given name with one '*' (王伟 → 王*, 欧阳修 → 欧阳*). One star
 * whatever the given name's length, so the mask does not tell a two-character name from three.
 * Decisions: a two-character name starting like a compound surname (欧阳) is read as surname +
 * given name, since a bare compound surname is no name; a value of one character is all surname
 * and is masked whole; several names in one field are masked one by one.
 */
export function maskPersonName(name: string): string {
  return name
    .trim()
    .split(LIST_SEPARATOR)
    .map(maskOneName)
    .join('、');
}

function maskOneName(name: string): string {
  const chars = Array.from(name);
  if (chars.length === 0) return '';
  const compound = chars.length > 2 && COMPOUND_SURNAMES.includes(chars.slice(0, 2).join(''));
  const surnameLength = compound ? 2 : 1;
  if (chars.length <= surnameLength) return '*';
  return chars.slice(0, surnameLength).join('') + '*';
}

/**
 * Mask each number of a phone field with maskPhone; landlines too (0311-86012345 → 031*-****2345):
 * an office number can be a person's direct line, and when unsure we hide more.
 */
export function maskContactPhone(phone: string): string {
  return phone
    .trim()
    .split(LIST_SEPARATOR)
    .map((part) => maskPhone(part))
    .join('，');
}

/** The served and the kept forms of a record's contact; blanks count as absent. */
export function maskContact(linkUname: string | null | undefined, linkTel: string | null | undefined): ContactMasking {
  const name = present(linkUname);
  const phone = present(linkTel);
  const personal = name || phone ? { ...(name && { linkUname: name }), ...(phone && { linkTel: phone }) } : null;
  return {
    masked: { name: name ? maskPersonName(name) : null, phone: phone ? maskContactPhone(phone) : null },
    personal,
  };
}

function present(value: string | null | undefined): string | undefined {
  const text = typeof value === 'string' ? value.trim() : '';
  return text.length > 0 ? text : undefined;
}

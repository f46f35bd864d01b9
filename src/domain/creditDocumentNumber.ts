/**
 * Decision document numbers (文书号: XK_WSH, CF_WSH) identify a decision within its authority. The
 * year is written between hexagonal brackets 〔2026〕 by the national rule for official documents
 * (GB/T 9704-2012 党政机关公文格式, 发文字号), but feeds also write [2026], 【2026】, (2026), （2026）, ［2026］ or
 * full-width digits, and add blanks. The canonical form is used in keys and shown in titles, so the
 * same decision read from two exports is one record.
 */
export function canonicalDocumentNumber(text: string): string {
  return toHalfWidthAlphanumerics(text)
    .replace(/[\s\u3000]+/g, '')
    .replace(/[[【(（〔［]\s*(\d{4})\s*[\]】)）〕］]/g, '〔$1〕');
}

/** Full-width digits and letters only: full-width brackets are handled as brackets above. */
function toHalfWidthAlphanumerics(text: string): string {
  return text.replace(/[０-９Ａ-Ｚａ-ｚ]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/** How platforms write 是否超标; an empty flag is "not given", which nothing can disagree with. */
const FLAGS: Readonly<Record<string, boolean>> = { 是: true, 超标: true, Y: true, 否: false, 未超标: false, 达标: false, N: false };

export function readExceedanceFlag(text: string | undefined): boolean | null {
  if (text === undefined || text.trim() === '') return null;
  const flag = FLAGS[text.trim().toUpperCase()];
  if (flag === undefined) throw new Error(`SFCB: "${text}" is not 是 or 否`);
  return flag;
}

/** The platform's 超标倍数: "0.35" → 0.35; "—", "/" or nothing → null. */
export function readSourceMultiple(text: string | undefined): number | null {
  if (text === undefined) return null;
  const value = Number(text.trim());
  return text.trim() !== '' && Number.isFinite(value) ? value : null;
}

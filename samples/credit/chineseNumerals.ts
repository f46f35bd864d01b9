const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const UNITS = ['', '拾', '佰', '仟'];

/**
 * A whole number below 1 亿 in capital (financial) numerals, as decisions write amounts
 * ("罚款人民币贰仟元"): 2000 → 贰仟, 10500 → 壹万零伍佰, 100000 → 壹拾万.
 */
export function toCapitalNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1e8) throw new Error(`cannot write ${n} in capital numerals`);
  if (n === 0) return DIGITS[0];
  const high = Math.floor(n / 1e4);
  const low = n % 1e4;
  let text = high > 0 ? `${belowTenThousand(high)}万` : '';
  if (low > 0) text += (high > 0 && low < 1000 ? DIGITS[0] : '') + belowTenThousand(low);
  return text;
}

function belowTenThousand(n: number): string {
  let text = '';
  let zeroPending = false;
  for (let place = 3; place >= 0; place--) {
    const digit = Math.floor(n / 10 ** place) % 10;
    if (digit === 0) {
      zeroPending = text.length > 0;
      continue;
    }
    text += (zeroPending ? DIGITS[0] : '') + DIGITS[digit] + UNITS[place];
    zeroPending = false;
  }
  return text;
}

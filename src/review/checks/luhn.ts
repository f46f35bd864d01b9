/**
 * The Luhn (mod 10) check of ISO/IEC 7812 that every payment card number carries in its last
 * digit. One digit typed wrong, or two neighbours swapped, fails it; a random string of digits
 * passes one time in ten, which is why the bank-card detector asks for more than Luhn alone.
 */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

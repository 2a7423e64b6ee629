/**
 * A share said as a percentage. Rounding alone says 100 % of a network that dropped by 99.5 %
 * and 0 % of one that kept 0.4 %; a reader takes those for "all" and "none". Here a share
 * strictly between 0 and 1 is given as many more decimals as it needs (up to 6) never to read as
 * 0 or 100, and exactly 0 and 1 stay 0 and 100.
 */

/** `x` (a fraction: 0.995) as the number of a percentage ("99.5"), with `digits` decimals or more where fewer would say 0 or 100. */
export function percentText(x: number, digits = 0): string {
  const text = (d: number) => (x * 100).toFixed(d);
  let d = digits;
  let t = text(d);
  const misleads = () => (x > 0 && Number(t) === 0) || (x > 0 && x < 1 && Number(t) === 100);
  while (d < digits + 6 && misleads()) t = text(++d);
  return t;
}

/** ISO 7064 MOD 11-2 by Horner's rule: a different road to the check character than the server's weight table. */
export function checkCharacter(first17: string): string {
  let p = 0;
  for (const digit of first17) p = ((p + Number(digit)) * 2) % 11;
  const value = (12 - p) % 11;
  return value === 10 ? 'X' : String(value);
}

export const idNumber = (region: string, birth: string, sequence: string) => `${region}${birth}${sequence}${checkCharacter(region + birth + sequence)}`;

/** The n-th of many distinct valid ID numbers of Hangzhou children born in 2010 (1,000 per day of January–June). */
export function nthIdNumber(n: number): string {
  const day = new Date(Date.UTC(2010, 0, 1 + Math.floor(n / 1000)));
  const birth = day.toISOString().slice(0, 10).replaceAll('-', '');
  return idNumber('330106', birth, String(n % 1000).padStart(3, '0'));
}

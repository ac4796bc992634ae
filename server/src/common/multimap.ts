/** Adds values to the list a map holds under a key, in place (a copy per value would make grouping quadratic). */
export function append<K, V>(map: Map<K, V[]>, key: K, ...values: V[]): void {
  const list = map.get(key);
  if (list) list.push(...values);
  else map.set(key, [...values]);
}

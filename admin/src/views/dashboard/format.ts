export const COLORS = ['#1565c0', '#ef6c00', '#2e7d32', '#8e24aa', '#00838f', '#c62828', '#6d4c41', '#546e7a', '#f9a825', '#ad1457'];

export const pct = (value: unknown): string => (typeof value === 'number' ? `${(value * 100).toFixed(1)}%` : '—');

export const num = (value: unknown): string => (typeof value === 'number' ? value.toLocaleString('en-US') : String(value ?? ''));

/** Axis ticks of large counts: 12000 → 1.2万 in Chinese, 12k in English. */
export const compact =
  (locale: string) =>
  (value: number): string =>
    locale === 'en' ? (value >= 1000 ? `${value / 1000}k` : String(value)) : value >= 10000 ? `${value / 10000}万` : String(value);

/** Background of a completion rate: red below half, amber below 80 %, light green below 100 %, green at or above. */
export function completionColor(rate: number | null): string {
  if (rate === null) return 'transparent';
  if (rate >= 1) return '#c8e6c9';
  if (rate >= 0.8) return '#e6f4d7';
  if (rate >= 0.5) return '#ffe0b2';
  return '#ffcdd2';
}

export const percent = (rate: number | null): string => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

/** Today in China, YYYY-MM-DD. */
export const todayInChina = (): string => new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });

/** The campaign year it is now in China. */
export const currentYear = (): number => Number(todayInChina().slice(0, 4));

/** A year not begun has no completion to judge: shown as not started, never as a red 0.0 %. */
export const yearStarted = (year: number): boolean => year <= currentYear();

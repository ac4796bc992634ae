import { zhCN } from '../i18n/zh-CN';

/** Enum text inside record names (names are Chinese, as officials write them). */
export function enumText(enumName: keyof typeof zhCN.enums, value: unknown): string {
  return (zhCN.enums[enumName] as Record<string, string>)[String(value)] ?? String(value ?? '');
}

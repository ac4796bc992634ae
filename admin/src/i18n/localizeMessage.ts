/** Server messages read "中文 (English)"; show the half that matches the language. */
export function localizeMessage(message: string, locale: string): string {
  const match = /^(.*\S)\s*\(([^()]*(?:\([^()]*\)[^()]*)*)\)$/s.exec(message);
  if (!match || !/[\u4e00-\u9fff]/.test(match[1]!)) return message;
  return locale.startsWith('zh') ? match[1]! : match[2]!;
}

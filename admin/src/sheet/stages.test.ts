import { describe, expect, test } from 'vitest';
import { i18nProvider } from '../i18n';
import { labelsIn } from '../i18n/labels';
import { parseStages, stagesText } from './stages';

const t = (key: string, options?: Record<string, unknown>) => i18nProvider.translate(key, options);

describe('cross-region stages as text', () => {
  test('read as short places and years joined by +', () => {
    expect(
      stagesText(
        [
          { where: 'ZHEJIANG', years: 2 },
          { where: 'PARTNER', years: 1 },
        ],
        t,
      ),
    ).toBe('浙江2+合作省1');
  });

  test('typed with short or full labels in either language, or the enum names', () => {
    expect(parseStages('浙江2+合作省1', t, labelsIn)).toEqual([
      { where: 'ZHEJIANG', years: 2 },
      { where: 'PARTNER', years: 1 },
    ]);
    expect(parseStages('在合作省份学习 1 年＋在浙江学习1年+两地交叉工作1', t, labelsIn)).toEqual([
      { where: 'PARTNER', years: 1 },
      { where: 'ZHEJIANG', years: 1 },
      { where: 'WORK', years: 1 },
    ]);
    expect(parseStages('Partner1+zhejiang2', t, labelsIn)).toEqual([
      { where: 'PARTNER', years: 1 },
      { where: 'ZHEJIANG', years: 2 },
    ]);
  });

  test('refuse what names no place or no years', () => {
    expect(parseStages('浙江+合作省1', t, labelsIn)).toBeUndefined();
    expect(parseStages('上海2', t, labelsIn)).toBeUndefined();
  });
});

import { describe, expect, test } from 'vitest';
import { resultToCsv } from './csv';

describe('CSV export of a GraphiQL result', () => {
  test('the first list, nested objects as dotted columns, nested lists as JSON', () => {
    const result = {
      data: {
        campaignProgress: {
          rows: [
            { year: 2025, cityCode: '330100', cityName: '杭州市', completionRate: 0.5, city: { nameEn: 'Hangzhou' }, levels: [{ level: 'ADVANCED', n: 1 }] },
            { year: 2025, cityCode: '330000', cityName: '浙江省, 全省', completionRate: null, city: { nameEn: 'Zhejiang "all"' }, levels: [] },
          ],
          cumulative: { target: 600000 },
        },
      },
    };
    expect(resultToCsv(result)).toEqual({
      name: 'campaignProgress.rows',
      csv:
        'year,cityCode,cityName,completionRate,city.nameEn,levels\r\n' +
        '2025,330100,杭州市,0.5,Hangzhou,"[{""level"":""ADVANCED"",""n"":1}]"\r\n' +
        '2025,330000,"浙江省, 全省",,"Zhejiang ""all""",[]\r\n',
    });
  });

  test('grouped results: a column per key path and measure', () => {
    const result = {
      data: {
        aggregateIntakes: [
          { key: { planSchoolCity: { code: '330100', nameZh: '杭州市' }, planYear: 2025 }, count: 3, sum: { count: 120 } },
          { key: { planSchoolCity: null, planYear: 2025 }, count: 1, sum: { count: 5 } },
        ],
      },
    };
    const exported = resultToCsv(result)!;
    expect(exported.name).toBe('aggregateIntakes');
    const [header, first] = exported.csv.split('\r\n');
    expect(header!.split(',')).toEqual(expect.arrayContaining(['key.planSchoolCity.code', 'key.planSchoolCity.nameZh', 'key.planYear', 'count', 'sum.count']));
    expect(first).toContain('杭州市');
    expect(first).toContain('120');
  });

  test('a result without a list has nothing to export', () => {
    expect(resultToCsv({ data: { School: { id: '1' } } })).toBeNull();
    expect(resultToCsv({ errors: [{ message: 'x' }] })).toBeNull();
  });
});

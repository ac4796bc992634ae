import { badInput } from '../../common/errors.js';
import { isZhejiangCode, provinceByCode } from '../region/provinces.js';

export const PROVINCE_CODE_PATTERN = { regex: /^\d{2}0000$/, zh: '须为 6 位省级行政区划代码（xx0000）', en: 'must be a 6-digit province code (xx0000)' };

/** A partner or visited province: a GB/T 2260 province other than Zhejiang. */
export function assertPartnerProvince(field: string, code: string): void {
  if (isZhejiangCode(code) || !provinceByCode(code)) {
    throw badInput(field, `不是浙江以外的省级行政区划代码：${code}`, `${code} is not a province outside Zhejiang`);
  }
}

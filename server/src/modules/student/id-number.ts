import { isZhejiangCode, provinceByCode } from '../region/provinces.js';

/** GB 11643-1999 weights of the first 17 characters (2^(17-i) mod 11) and the check character of each remainder mod 11. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';

export enum Sex {
  MALE = 'MALE',
  FEMALE = 'FEMALE',
}

/** What an ID number says about its holder. */
export interface IdNumberFacts {
  /** The number as stored and hashed: 18 characters, a final `x` written as `X`. */
  normalized: string;
  regionCode: string;
  birthDate: string;
  sex: Sex;
}

/** The check character of the first 17 digits. */
export function checkCharacterOf(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARACTERS[sum % 11]!;
}

const isRealDate = (text: string): boolean => {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
};

export interface IdNumberProblem {
  zh: string;
  en: string;
}

/** The facts of a well-formed ID number, or why it is not one (length, digits, region, date, check character). */
export function parseIdNumber(input: string): IdNumberFacts | IdNumberProblem {
  const text = input.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(text)) return { zh: '须为 18 位，前 17 位为数字，末位为数字或 X', en: 'must be 18 characters: 17 digits and a digit or X' };
  const regionCode = text.slice(0, 6);
  if (!provinceByCode(`${regionCode.slice(0, 2)}0000`))
    return { zh: `地址码 ${regionCode} 不属于任何省级行政区`, en: `region code ${regionCode} is in no province` };
  const birthDate = `${text.slice(6, 10)}-${text.slice(10, 12)}-${text.slice(12, 14)}`;
  if (!isRealDate(birthDate) || birthDate < '1900-01-01')
    return { zh: `出生日期码 ${text.slice(6, 14)} 不是有效日期`, en: `birth date ${text.slice(6, 14)} is not a date` };
  const expected = checkCharacterOf(text.slice(0, 17));
  if (text[17] !== expected) return { zh: `校验码应为 ${expected}，实为 ${text[17]}`, en: `the check character should be ${expected}, not ${text[17]}` };
  return { normalized: text, regionCode, birthDate, sex: Number(text[16]) % 2 === 1 ? Sex.MALE : Sex.FEMALE };
}

export const isIdNumberProblem = (parsed: IdNumberFacts | IdNumberProblem): parsed is IdNumberProblem => !('normalized' in parsed);

/**
 * The origin (GB/T 2260) an ID's region code stands for, as intakes record it: the Zhejiang city
 * (33xx00) or the province (xx0000).
 */
export const originOfRegion = (regionCode: string): string => (isZhejiangCode(regionCode) ? `${regionCode.slice(0, 4)}00` : `${regionCode.slice(0, 2)}0000`);

/** `330102********1234`: the region code and the last four characters. */
export const maskIdNumber = (idNumber: string): string => `${idNumber.slice(0, 6)}${'*'.repeat(idNumber.length - 10)}${idNumber.slice(-4)}`;

/** `张*`, `欧**`: the first character and one star for each other character. */
export function maskName(name: string): string {
  const characters = [...name];
  return characters.length === 0 ? '' : characters[0]! + '*'.repeat(Math.max(1, characters.length - 1));
}

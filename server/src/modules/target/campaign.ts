/** The five campaign years of 浙人社函〔2023〕37号 and its province-wide totals (rule R1). */
export const CAMPAIGN_FIRST_YEAR = 2023;
export const CAMPAIGN_LAST_YEAR = 2027;
export const CAMPAIGN_CUMULATIVE_TARGET = 600000;
export const PROVINCE_CODE = '330000';

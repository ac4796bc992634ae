import { nthIdNumber } from './id-numbers.js';

/** Sends a GraphQL document as some user and gives back its data (throwing on errors). */
type Ask = (query: string, variables?: Record<string, unknown>) => Promise<any>;

/** Rows a job takes at a time, as the admin sends them. */
const ROWS_PER_PART = 1000;

/** A 学籍 roster of `count` students on a plan line, named `prefix` + n, ID numbers from the `firstNumber`th on. */
export const rosterRows = (planId: string, prefix: string, firstNumber: number, count: number) =>
  Array.from({ length: count }, (_, n) => ({
    planId,
    name: `${prefix}${n}`,
    idNumber: nthIdNumber(firstNumber + n),
    targetGroup: 'JUNIOR_HIGH_GRADUATE',
    registeredOn: '2025-09-10',
  }));

/** Starts a student import, sends its rows in parts and runs it; returns the job's id. */
export async function runRosterImport(ask: Ask, rows: Array<Record<string, unknown>>): Promise<string> {
  const { startImport } = await ask(`mutation { startImport(resource: Student) { id } }`);
  for (let i = 0; i < rows.length; i += ROWS_PER_PART) {
    await ask(`mutation($job: ID!, $rows: [JSONObject!]!) { addImportRows(job: $job, rows: $rows) { id } }`, {
      job: startImport.id,
      rows: rows.slice(i, i + ROWS_PER_PART),
    });
  }
  await ask(`mutation($job: ID!) { runImport(job: $job) { id } }`, { job: startImport.id });
  return startImport.id;
}

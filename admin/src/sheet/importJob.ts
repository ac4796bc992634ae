import { gql } from '@apollo/client';
import { SaveError, runMutation, runQuery, type RowProblem, type SaveRow } from '../dataProvider';
// an import's parts are as large as one save (the server's `addImportRows` takes that many)
import { importProblemsPerPage, maxSaveRows } from '../contract';

/** Where an import job stands, as the dialog shows it. */
export interface ImportProgress {
  status: 'RECEIVING' | 'QUEUED' | 'VALIDATING' | 'WRITING' | 'DONE' | 'FAILED' | 'CANCELLED' | 'INTERRUPTED';
  rowCount: number;
  validated: number;
  written: number;
}

const POLL_MS = 500;

const JOB = 'id status rowCount validated written problemCount message';
const START = gql`mutation StartImport($resource: ImportableResource!) { startImport(resource: $resource) { ${JOB} } }`;
const ADD = gql`mutation AddImportRows($job: ID!, $rows: [JSONObject!]!) { addImportRows(job: $job, rows: $rows) { ${JOB} } }`;
const RUN = gql`mutation RunImport($job: ID!) { runImport(job: $job) { ${JOB} } }`;
const CANCEL = gql`mutation CancelImport($job: ID!) { cancelImport(job: $job) { ${JOB} } }`;
const READ = gql`query ImportJob($id: ID!) { importJob(id: $id) { ${JOB} } }`;
const PROBLEMS = gql`
  query ImportProblems($id: ID!, $offset: Int!, $limit: Int!) {
    importJob(id: $id) {
      problems(offset: $offset, limit: $limit) {
        ord
        code
        rule
        field
        message
      }
    }
  }
`;

interface Job extends ImportProgress {
  id: string;
  problemCount: number;
  message: string | null;
}

const ENDED = ['DONE', 'FAILED', 'CANCELLED', 'INTERRUPTED'];

async function problemsOf(job: Job): Promise<RowProblem[]> {
  const problems: RowProblem[] = [];
  for (let offset = 0; offset < job.problemCount; offset += importProblemsPerPage) {
    const page = await runQuery<{ importJob: { problems: Array<Omit<RowProblem, 'index'> & { ord: number }> } }>(PROBLEMS, {
      id: job.id,
      offset,
      limit: importProblemsPerPage,
    });
    problems.push(...page.importJob.problems.map(({ ord, ...problem }) => ({ index: ord, ...problem })));
  }
  return problems;
}

/**
 * Imports rows of any size through an import job: added in parts, then validated as one set and
 * written all or nothing on the server, with its progress reported as it runs. A refusal comes back
 * as a SaveError listing every row's problem by its index in `rows`, as a save's does.
 */
export async function importThroughJob(resource: string, rows: SaveRow[], onProgress: (progress: ImportProgress, jobId: string) => void): Promise<void> {
  let job = (await runMutation<{ startImport: Job }>(START, { resource })).startImport;
  for (let i = 0; i < rows.length; i += maxSaveRows) {
    job = (await runMutation<{ addImportRows: Job }>(ADD, { job: job.id, rows: rows.slice(i, i + maxSaveRows) })).addImportRows;
    onProgress(job, job.id);
  }
  job = (await runMutation<{ runImport: Job }>(RUN, { job: job.id })).runImport;
  while (!ENDED.includes(job.status)) {
    onProgress(job, job.id);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    job = (await runQuery<{ importJob: Job }>(READ, { id: job.id })).importJob;
  }
  onProgress(job, job.id);
  if (job.status === 'DONE') return;
  if (job.status === 'FAILED' && job.problemCount > 0) throw new SaveError(job.message ?? '', 'BAD_USER_INPUT', await problemsOf(job));
  throw new SaveError(job.message ?? job.status, job.status, []);
}

/** Stops a job that has not begun writing; the server refuses once it writes. */
export async function cancelImportJob(jobId: string): Promise<void> {
  await runMutation(CANCEL, { job: jobId });
}

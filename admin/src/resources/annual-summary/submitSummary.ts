import { gql } from '@apollo/client';
import { runMutation } from '../../dataProvider';

const SUBMIT = gql`
  mutation SubmitAnnualSummary($id: ID!, $version: Int) {
    submitAnnualSummary(id: $id, version: $version) {
      id
      status
      submittedOn
    }
  }
`;

/** 报送: locks the summary (R10: both narrative fields and a year that has begun). */
export const submitSummary = (id: string, version: number | undefined) => runMutation(SUBMIT, { id, version });

const SUBMIT_MANY = gql`
  mutation SubmitAnnualSummaries($rows: [SummaryToSubmit!]!) {
    submitAnnualSummaries(rows: $rows) {
      id
    }
  }
`;

/** 报送 of many summaries in one request: all are submitted or none (each refused one named by the server). */
export const submitSummaries = (rows: { id: string; version: number | undefined }[]) =>
  runMutation(SUBMIT_MANY, { rows: rows.map(({ id, version }) => ({ id, version: version ?? null })) });

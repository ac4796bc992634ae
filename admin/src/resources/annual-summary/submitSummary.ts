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

import { useState } from 'react';
import { Button } from '@mui/material';
import { gql } from '@apollo/client';
import { useLocale, useNotify, usePermissions, useTranslate } from 'react-admin';
import { canTakeStep, type Permissions, type PlanStepName } from '../../auth/permissions';
import { TextDialog } from '../../components/TextDialog';
import { SaveError, runMutation } from '../../dataProvider';
import { localizeMessage } from '../../i18n/localizeMessage';
import type { SheetActionsProps } from '../../sheet/actions';

const STEPS: Record<PlanStepName, ReturnType<typeof gql>> = {
  submit: gql`
    mutation SubmitPlans($ids: [ID!]!) {
      submitPlans(ids: $ids) {
        id
      }
    }
  `,
  approve: gql`
    mutation ApprovePlans($ids: [ID!]!) {
      approvePlans(ids: $ids) {
        id
      }
    }
  `,
  file: gql`
    mutation FilePlans($ids: [ID!]!) {
      filePlans(ids: $ids) {
        id
      }
    }
  `,
  return: gql`
    mutation ReturnPlans($ids: [ID!]!, $reason: String!) {
      returnPlans(ids: $ids, reason: $reason) {
        id
      }
    }
  `,
};

/** 提交 / 下达 / 备案 / 退回 on the ticked plan lines: all move or none; refusals appear on their rows. */
export function WorkflowActions({ selected, showRefusals, reload }: SheetActionsProps) {
  const t = useTranslate();
  const locale = useLocale();
  const notify = useNotify();
  const { permissions } = usePermissions<Permissions>();
  const [returning, setReturning] = useState<string[]>();

  const take = async (step: PlanStepName, ids: string[], reason?: string) => {
    if (ids.length === 0) {
      notify('workflow.none_selected', { type: 'warning' });
      return;
    }
    try {
      await runMutation(STEPS[step], { ids, reason });
      notify('workflow.done', { type: 'success', messageArgs: { step: t(`workflow.${step}`), smart_count: ids.length } });
      reload();
    } catch (error) {
      if (!(error instanceof SaveError)) throw error;
      if (error.rows.length > 0) showRefusals(error.rows.map((row) => ({ id: row.id ?? ids[row.index]!, message: row.message })));
      notify(localizeMessage(error.message, locale), { type: 'error' });
    }
  };
  /** The ticked lines' ids, then the step (退回 asks for the reason first); nothing when too many are ticked. */
  const start = async (step: PlanStepName) => {
    const rows = await selected();
    if (!rows) return;
    const ids = rows.map((row) => row.id!);
    if (step === 'return' && ids.length > 0) setReturning(ids);
    else await take(step, ids);
  };

  return (
    <>
      {(['submit', 'approve', 'file', 'return'] as const)
        .filter((step) => canTakeStep(permissions, step))
        .map((step) => (
          <Button key={step} size="small" variant="outlined" data-testid={`workflow-${step}`} onClick={() => void start(step)}>
            {t(`workflow.${step}`)}
          </Button>
        ))}
      {returning && (
        <TextDialog
          title={t('workflow.return_title', { smart_count: returning.length })}
          label={t('workflow.reason')}
          required
          confirm={t('workflow.return')}
          onClose={() => setReturning(undefined)}
          onConfirm={(reason) => {
            setReturning(undefined);
            void take('return', returning, reason);
          }}
        />
      )}
    </>
  );
}

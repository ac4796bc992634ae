import { useState } from 'react';
import { Button, MenuItem, TextField } from '@mui/material';
import { gql } from '@apollo/client';
import { useLocale, useNotify, usePermissions, useTranslate } from 'react-admin';
import { canTakeStep, canWrite, type Permissions } from '../../auth/permissions';
import { TextDialog } from '../../components/TextDialog';
import { SaveError, runMutation } from '../../dataProvider';
import { localizeMessage } from '../../i18n/localizeMessage';
import { invalidateLookup } from '../../lookups';
import type { SheetActionsProps } from '../../sheet/actions';
import type { SheetRow } from '../../sheet/types';
import { RequestDialog } from './RequestDialog';

const REQUEST = gql`
  mutation RequestPlanAdjustment($planId: ID!, $newSeats: Int!, $reason: String!) {
    requestPlanAdjustment(planId: $planId, newSeats: $newSeats, reason: $reason) {
      id
    }
  }
`;
const DECIDE = gql`
  mutation DecidePlanAdjustments($ids: [ID!]!, $decision: AdjustmentDecision!, $note: String) {
    decidePlanAdjustments(ids: $ids, decision: $decision, note: $note) {
      id
    }
  }
`;

/** 申请调整 (any office of the line) and 审批 of the ticked pending requests (the line's issuing authority). */
export function AdjustmentActions({ selected, showRefusals, reload }: SheetActionsProps) {
  const t = useTranslate();
  const locale = useLocale();
  const notify = useNotify();
  const { permissions } = usePermissions<Permissions>();
  const [dialog, setDialog] = useState<'request' | 'decide'>();
  const [decision, setDecision] = useState<'APPROVED' | 'REJECTED'>('APPROVED');
  /** the ticked pending requests, read when 审批 was pressed */
  const [pending, setPending] = useState<SheetRow[]>([]);
  const fail = (error: unknown) => notify(error instanceof SaveError ? localizeMessage(error.message, locale) : String(error), { type: 'error' });

  const request = async (planId: string, newSeats: number, reason: string) => {
    setDialog(undefined);
    try {
      await runMutation(REQUEST, { planId, newSeats, reason });
      notify('adjustment.requested', { type: 'success' });
      reload();
    } catch (error) {
      fail(error);
    }
  };

  const openDecide = async () => {
    const rows = await selected();
    if (!rows) return;
    const chosen = rows.filter((row) => row.data.decision === 'PENDING');
    if (chosen.length === 0) return notify('adjustment.none_pending', { type: 'warning' });
    setPending(chosen);
    setDialog('decide');
  };

  /** 审批 of every chosen request in one request: all are decided or none, each refused one marked on its row. */
  const decide = async (note: string) => {
    setDialog(undefined);
    const ids = pending.map((row) => row.id!);
    try {
      await runMutation(DECIDE, { ids, decision, note: note || null });
    } catch (error) {
      if (!(error instanceof SaveError)) throw error;
      if (error.rows.length > 0) showRefusals(error.rows.map((row) => ({ id: row.id ?? ids[row.index]!, message: row.message })));
      return fail(error);
    }
    invalidateLookup('EnrollmentPlan');
    reload();
    notify('adjustment.decided', { type: 'success', messageArgs: { smart_count: ids.length } });
  };

  return (
    <>
      {canWrite(permissions, 'PlanAdjustment') && (
        <Button size="small" variant="outlined" onClick={() => setDialog('request')}>
          {t('adjustment.request')}
        </Button>
      )}
      {canTakeStep(permissions, 'approve') && (
        <Button size="small" variant="outlined" data-testid="adjustment-decide" onClick={() => void openDecide()}>
          {t('adjustment.decide')}
        </Button>
      )}
      {dialog === 'request' && (
        <RequestDialog onClose={() => setDialog(undefined)} onRequest={(planId, seats, reason) => void request(planId, seats, reason)} />
      )}
      {dialog === 'decide' && (
        <TextDialog
          title={t('adjustment.decide')}
          label={t('resources.PlanAdjustment.fields.decisionNote')}
          confirm={t('ra.action.confirm')}
          onClose={() => setDialog(undefined)}
          onConfirm={(note) => void decide(note)}
        >
          <TextField
            select
            label={t('resources.PlanAdjustment.fields.decision')}
            value={decision}
            onChange={(e) => setDecision(e.target.value as 'APPROVED' | 'REJECTED')}
          >
            <MenuItem value="APPROVED">{t('enums.AdjustmentDecision.APPROVED')}</MenuItem>
            <MenuItem value="REJECTED">{t('enums.AdjustmentDecision.REJECTED')}</MenuItem>
          </TextField>
        </TextDialog>
      )}
    </>
  );
}

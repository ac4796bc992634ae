import { useMemo, useState } from 'react';
import { Autocomplete, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import { TextDialog } from '../../components/TextDialog';
import { useLookups } from '../../sheet/useLookups';
import type { ColumnSpec } from '../../sheet/types';

const planColumn: ColumnSpec[] = [{ source: 'planId', type: 'reference', reference: 'EnrollmentPlan' }];

/** 申请调整: a locked (APPROVED or FILED) plan line, its new seats and the reason. */
export function RequestDialog({ onRequest, onClose }: { onRequest(planId: string, newSeats: number, reason: string): void; onClose(): void }) {
  const t = useTranslate();
  const { lookups, ready } = useLookups(planColumn);
  const options = useMemo(
    () =>
      ready ? lookups.options('EnrollmentPlan').filter((o) => ['APPROVED', 'FILED'].includes(String(lookups.record('EnrollmentPlan', o.id)?.status))) : [],
    [lookups, ready],
  );
  const [plan, setPlan] = useState<{ id: string; label: string } | null>(null);
  const [seats, setSeats] = useState('');
  const current = plan ? lookups.record('EnrollmentPlan', plan.id)?.seats : undefined;
  return (
    <TextDialog
      title={t('adjustment.request')}
      label={t('resources.PlanAdjustment.fields.reason')}
      required
      confirm={t('adjustment.request')}
      canConfirm={Boolean(plan) && /^\d+$/.test(seats)}
      onClose={onClose}
      onConfirm={(reason) => onRequest(plan!.id, Number(seats), reason)}
    >
      <Autocomplete
        options={options}
        value={plan}
        onChange={(_, value) => setPlan(value)}
        loading={!ready}
        isOptionEqualToValue={(a, b) => a.id === b.id}
        renderInput={(params) => (
          <TextField
            {...params}
            label={t('resources.PlanAdjustment.fields.planId')}
            helperText={current !== undefined ? t('adjustment.current_seats', { seats: current }) : t('adjustment.locked_only')}
          />
        )}
      />
      <TextField label={t('resources.PlanAdjustment.fields.newSeats')} type="number" value={seats} onChange={(e) => setSeats(e.target.value)} />
    </TextDialog>
  );
}

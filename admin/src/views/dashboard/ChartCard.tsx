import { Component, type ReactNode } from 'react';
import { Alert, Card, CardContent, CardHeader, CircularProgress, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { Part } from '../part';

interface Props {
  title: string;
  subtitle?: string;
  /** the query behind the chart: loading, refused (its message shown here) or ready */
  part: Part<unknown>;
  empty?: boolean;
  /** of the content; `auto` for a table as long as its rows */
  height?: number | 'auto';
  wide?: boolean;
  /** controls in the card's header (a choice of how many rows) */
  action?: ReactNode;
  children: ReactNode;
  className?: string;
}

interface DrawingProps {
  message: string;
  /** the answer being drawn: a new one is drawn afresh */
  part: Part<unknown>;
  children: ReactNode;
}

/** Keeps a part that fails while drawing (unexpected data) to its own card: the message in place, the rest of the page drawn. */
class DrawingFailure extends Component<DrawingProps, { failed: boolean; part: Part<unknown> }> {
  override state = { failed: false, part: this.props.part };

  static getDerivedStateFromProps(props: DrawingProps, state: { part: Part<unknown> }) {
    return props.part === state.part ? null : { failed: false, part: props.part };
  }

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? (
      <Alert severity="error" data-state="error">
        {this.props.message}
      </Alert>
    ) : (
      this.props.children
    );
  }
}

/** A titled card holding one chart; while its query runs, when it failed, or when it returned nothing, says so in place. */
export function ChartCard({ title, subtitle, part, empty, height = 300, wide, action, children, className }: Props) {
  const t = useTranslate();
  const state = part.state === 'ready' ? (empty ? 'empty' : 'ready') : part.state;
  return (
    <Card sx={{ gridColumn: wide ? '1 / -1' : undefined, minWidth: 0 }} className={className} data-state={state}>
      <CardHeader
        title={title}
        subheader={subtitle}
        action={action}
        slotProps={{ title: { variant: 'subtitle1', sx: { fontWeight: 600 } }, subheader: { variant: 'caption' } }}
        sx={{ pb: 0 }}
      />
      <CardContent sx={{ height }}>
        {part.state === 'loading' && <CircularProgress size={28} sx={{ display: 'block', mx: 'auto', mt: 4 }} aria-label={t('ra.page.loading')} />}
        {part.state === 'error' && <Alert severity="error">{part.message}</Alert>}
        {state === 'empty' && (
          <Typography color="text.secondary" sx={{ pt: 4, textAlign: 'center' }}>
            {t('dashboard.no_data')}
          </Typography>
        )}
        {state === 'ready' && (
          <DrawingFailure message={t('app.drawing_failed')} part={part}>
            {children}
          </DrawingFailure>
        )}
      </CardContent>
    </Card>
  );
}

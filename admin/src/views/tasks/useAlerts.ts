import { useCallback, useEffect, useState } from 'react';
import { gql } from '@apollo/client';
import { runMutation, runQuery } from '../../dataProvider';

export interface AlertItem {
  key: string;
  kind: string;
  titleZh: string;
  titleEn: string;
  raisedOn: string | null;
  dueOn: string | null;
  resource: string | null;
  filter: string | null;
  read: boolean;
}

const ALERTS = gql`
  query MyAlerts {
    myAlerts {
      key
      kind
      titleZh
      titleEn
      raisedOn
      dueOn
      resource
      filter
      read
    }
  }
`;
const MARK_READ = gql`
  mutation MarkAlertsRead($keys: [String!]!) {
    markAlertsRead(keys: $keys)
  }
`;

/** How often the app bar's count looks again. */
const REFRESH_MS = 5 * 60 * 1000;

/** The signed-in user's to-do items and reminders, refreshed now and then, and a way to mark them read. */
export function useAlerts() {
  const [alerts, setAlerts] = useState<AlertItem[] | null>(null);
  const load = useCallback(() => {
    runQuery<{ myAlerts: AlertItem[] }>(ALERTS).then(
      (data) => setAlerts(data.myAlerts),
      () => setAlerts([]),
    );
  }, []);
  useEffect(() => {
    load();
    const timer = setInterval(load, REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);
  const markRead = useCallback(
    async (keys: string[]) => {
      if (keys.length === 0) return;
      await runMutation(MARK_READ, { keys });
      load();
    },
    [load],
  );
  return { alerts, markRead };
}

/** The sheet that handles an item, filtered to what the item counts. */
export const sheetLink = (alert: AlertItem): string | null =>
  alert.resource ? `#/${alert.resource}?filter=${encodeURIComponent(alert.filter ?? '{}')}` : null;

import { useEffect, useState } from 'react';
import { useLocale, useTranslate } from 'react-admin';
import { toSaveError } from '../dataProvider';
import { localizeMessage } from '../i18n/localizeMessage';

/** One part of a page, loaded on its own: a refusal or failure shows in place of that part only. */
export type Part<T> = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; value: T };

/**
 * How long a part waits for the server before it says so instead of spinning on: PostgreSQL's
 * statement timeout (server/src/orm.ts), after which the server would have given up anyway.
 */
export const PART_TIMEOUT_MS = 30000;

const loading = { state: 'loading' } as const;

/**
 * A query's answer as a Part; the message is the server's, in the language shown. A query that has
 * not answered within PART_TIMEOUT_MS shows an error (replaced by the answer should it still come),
 * so no part spins without end; one that throws before it is sent fails like one the server refused.
 */
export function usePart<T>(load: () => Promise<T>, deps: unknown[], enabled = true): Part<T> | undefined {
  const locale = useLocale();
  const t = useTranslate();
  const [part, setPart] = useState<Part<T>>(loading);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    setPart(loading);
    const noAnswer = { state: 'error', message: t('app.no_answer', { seconds: PART_TIMEOUT_MS / 1000 }) } as const;
    const timer = setTimeout(() => live && setPart((current) => (current.state === 'loading' ? noAnswer : current)), PART_TIMEOUT_MS);
    Promise.resolve()
      .then(load)
      .then(
        (value) => live && setPart({ state: 'ready', value }),
        (error: unknown) => live && setPart({ state: 'error', message: localizeMessage(toSaveError(error).message, locale) }),
      )
      .finally(() => clearTimeout(timer));
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, enabled, locale]);
  return enabled ? part : undefined;
}

/** The rows of a part, or none while it loads or failed. */
export const rowsOf = <T>(part: Part<T[]> | undefined): T[] => (part?.state === 'ready' ? part.value : []);

import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { GraphQLEnumType } from 'graphql';
import { Lookups, loadLookups, loadRegions } from '../lookups';
import { schema } from '../schema';
import type { ColumnSpec } from './types';

/** stands for the region names (cities and provinces) among the references to load */
const REGIONS = '#regions';

/** The referenced resources the columns name (REGIONS for region codes), keyed as one string. */
const referencesOf = (columns: ColumnSpec[]): string =>
  [...new Set(columns.flatMap((c) => (c.reference ? [c.reference] : c.region ? [REGIONS] : [])))].join(',');

/** Every name the columns show: the referenced resources in one batch, with the cities that region names read; provinces have their own cached query. */
function loadNames(references: string[]): Promise<unknown> {
  const regions = references.includes(REGIONS);
  const resources = references.filter((name) => name !== REGIONS);
  return Promise.all([loadLookups(regions ? [...resources, 'City'] : resources), ...(regions ? [loadRegions()] : [])]);
}

/**
 * Asks for the names the columns show, if not asked yet (they are cached until invalidated): a list
 * calls it as it starts, so that the largest request of a sheet (15,000 plan lines for 招生实绩) leaves
 * before the sheet and its grid are built. `useLookups` then waits for the same request.
 */
export function preloadLookups(columns: ColumnSpec[]): void {
  const references = referencesOf(columns);
  if (references) loadNames(references.split(',')).catch(() => undefined);
}

/** Loads every referenced resource the columns name, and gives a Lookups that labels and resolves them. */
export function useLookups(columns: ColumnSpec[], generation = 0): { lookups: Lookups; ready: boolean } {
  // keyed by the names, not the array: callers may pass a fresh array on every render
  const names = referencesOf(columns);
  const references = useMemo(() => (names ? names.split(',') : []), [names]);
  const [state, setState] = useState({ lookups: new Lookups(), ready: references.length === 0 });
  const loadedOnce = useRef(false);
  // a layout effect: the request leaves as the sheet is committed, before its grid is built (Grid.tsx)
  useLayoutEffect(() => {
    let live = true;
    loadNames(references).then(() => {
      if (!live) return;
      // the first load keeps the Lookups (the texts it resolved forgotten), so that the sheet's columns,
      // which read the names through it, are not made again as its first rows are drawn; a reload makes a
      // new one, and the columns show the names read again
      const first = !loadedOnce.current;
      loadedOnce.current = true;
      setState((s) => ({ lookups: first ? s.lookups.forgetTexts() : new Lookups(), ready: true }));
    });
    return () => {
      live = false;
    };
  }, [references, generation]);
  return state;
}

export function enumValues(name: string): string[] {
  const type = schema.getType(name);
  return type instanceof GraphQLEnumType ? type.getValues().map((v) => v.name) : [];
}

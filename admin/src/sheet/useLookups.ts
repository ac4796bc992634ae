import { useEffect, useMemo, useState } from 'react';
import { GraphQLEnumType } from 'graphql';
import { Lookups, loadLookups, loadRegions } from '../lookups';
import { schema } from '../schema';
import type { ColumnSpec } from './types';

/** Loads every referenced resource the columns name, and gives a Lookups that labels and resolves them. */
export function useLookups(columns: ColumnSpec[], generation = 0): { lookups: Lookups; ready: boolean } {
  // keyed by the names, not the array: callers may pass a fresh array on every render
  const names = [...new Set(columns.flatMap((c) => (c.reference ? [c.reference] : c.region ? [REGIONS] : [])))].join(',');
  const references = useMemo(() => (names ? names.split(',') : []), [names]);
  const [state, setState] = useState({ lookups: new Lookups(), ready: references.length === 0 });
  useEffect(() => {
    let live = true;
    // the referenced resources in one batch, with the cities that region names read; provinces have their own cached query
    const regions = references.includes(REGIONS);
    const resources = references.filter((name) => name !== REGIONS);
    Promise.all([loadLookups(regions ? [...resources, 'City'] : resources), ...(regions ? [loadRegions()] : [])]).then(() => {
      if (live) setState({ lookups: new Lookups(), ready: true });
    });
    return () => {
      live = false;
    };
  }, [references, generation]);
  return state;
}

/** stands for the region names (cities and provinces) among the references to load */
const REGIONS = '#regions';

export function enumValues(name: string): string[] {
  const type = schema.getType(name);
  return type instanceof GraphQLEnumType ? type.getValues().map((v) => v.name) : [];
}

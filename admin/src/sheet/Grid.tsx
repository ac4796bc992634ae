import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import { createGrid, type GridApi, type GridOptions } from 'ag-grid-community';

interface GridProps<T> {
  options: GridOptions<T>;
  /** the grid's api while it is shown */
  apiRef: RefObject<GridApi<T> | undefined>;
  /** options read once as the grid is made, from the box it fills (the columns pinned: `initialPinning`) */
  initial?: (box: HTMLElement) => GridOptions<T>;
}

/**
 * AG Grid with its own renderer: rows and cells are drawn by the grid as plain elements, not as React
 * components per row and cell (ADR 0055). Options that changed since the last render go to the grid;
 * initial ones (`initialState`) are read once.
 *
 * The grid is made in a passive effect, after the layout effects of the sheet that ask the server for its
 * first rows, names and totals: building it takes a good part of the time before a sheet shows rows, and
 * the requests leave before it rather than after it.
 */
export function Grid<T>({ options, apiRef, initial }: GridProps<T>) {
  const box = useRef<HTMLDivElement>(null);
  const given = useRef(options);

  useEffect(() => {
    const api = createGrid(box.current!, { ...given.current, ...initial?.(box.current!) });
    apiRef.current = api;
    return () => {
      api.destroy();
      apiRef.current = undefined;
    };
    // the grid is made once; later options are passed on below
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useLayoutEffect(() => {
    const before = given.current;
    given.current = options;
    const api = apiRef.current;
    if (!api || before === options) return;
    const keys = new Set([...Object.keys(before), ...Object.keys(options)] as (keyof GridOptions<T>)[]);
    const changed = Object.fromEntries([...keys].filter((key) => before[key] !== options[key]).map((key) => [key, options[key]]));
    if (Object.keys(changed).length > 0) api.updateGridOptions(changed);
  });

  return <div ref={box} className="sheet-grid-box" />;
}

import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import { createGrid, type GridApi, type GridOptions } from 'ag-grid-community';

interface GridProps<T> {
  options: GridOptions<T>;
  /** the grid's api while it is shown */
  apiRef: RefObject<GridApi<T> | undefined>;
  /** options read once as the grid is made, from the box it fills (the columns pinned: `initialPinning`) */
  initial?: (box: HTMLElement) => GridOptions<T>;
}

/** Whether a sheet's grid was made on this page (the grid warmed up before it is then not needed). */
let gridMade = false;

/**
 * A small grid made and destroyed out of sight before any sheet is shown (on the login page or the dashboard,
 * while the browser is idle): the first grid of a page runs AG Grid's code for the first time, compiling it
 * as it goes, which was a good part of the opening of the first sheet (ADR 0059). Its style sheets go with it
 * (AG Grid removes them with the last grid). Nothing is done once a sheet has made its grid.
 */
export function warmUpGrid<T>(options: GridOptions<T>): void {
  if (gridMade) return;
  const box = document.createElement('div');
  box.setAttribute('aria-hidden', 'true');
  box.style.cssText = 'position: fixed; left: -10000px; top: 0; width: 600px; height: 300px; visibility: hidden;';
  document.body.append(box);
  const api = createGrid(box, options);
  // its rows are drawn a moment later (the row model's first block, then animation frames)
  setTimeout(() => {
    api.destroy();
    box.remove();
  }, 500);
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
    gridMade = true;
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

import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Longest stretch of work on the event loop before other requests get a turn. A write of thousands
 * of rows runs its checks in JavaScript (and, on SQLite, its statements synchronously); without a
 * turn now and then, `/health` and every other request would wait for all of it.
 */
const SLICE_MS = 20;

let sliceStart = performance.now();

/** Lets waiting requests run if this stretch of work has gone on for a slice. */
export async function giveTurn(): Promise<void> {
  if (performance.now() - sliceStart < SLICE_MS) return;
  await nextTurn();
  sliceStart = performance.now();
}

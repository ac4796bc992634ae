import { useCallback, useRef, useState } from 'react';
import { emptyBuffer, type Buffer } from './buffer';

/**
 * The sheet's unsaved rows (the rest is read from the server as the grid scrolls); `current` holds the
 * latest state for handlers that run between renders.
 */
export function useSheetBuffer() {
  const [buffer, setBuffer] = useState<Buffer>(emptyBuffer);
  const current = useRef(buffer);
  current.current = buffer;
  /** Drops every unsaved edit now. */
  const discard = useCallback(() => setBuffer(emptyBuffer()), []);
  return { buffer, setBuffer, current, discard };
}

import { useSyncExternalStore, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

/**
 * React content inside the grid's own components (the tick-all header, the reference editor): each
 * component hands its element and content to the store, and `<GridPortals>` renders them as portals
 * from within the sheet, so they see the sheet's contexts.
 */
export class PortalStore {
  private portals = new Map<HTMLElement, { key: number; node: ReactNode }>();
  private listeners = new Set<() => void>();
  private snapshot: [HTMLElement, { key: number; node: ReactNode }][] = [];
  private next = 0;

  show(element: HTMLElement, node: ReactNode): void {
    this.portals.set(element, { key: this.portals.get(element)?.key ?? this.next++, node });
    this.changed();
  }

  remove(element: HTMLElement): void {
    if (this.portals.delete(element)) this.changed();
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  list = () => this.snapshot;

  private changed(): void {
    this.snapshot = [...this.portals];
    this.listeners.forEach((listener) => listener());
  }
}

export function GridPortals({ store }: { store: PortalStore }) {
  const portals = useSyncExternalStore(store.subscribe, store.list);
  return <>{portals.map(([element, { key, node }]) => createPortal(node, element, key))}</>;
}

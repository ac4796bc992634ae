import { useEffect, useMemo, useRef, useState } from 'react';
import type { ICellEditorComp, ICellEditorParams } from 'ag-grid-community';
import type { Lookups } from '../lookups';
import type { PortalStore } from './portals';
import type { SheetRow } from './types';

interface Params {
  reference: string;
  lookups: Lookups;
  portals: PortalStore;
}

interface EditorProps {
  value: unknown;
  /** the key that started editing, if a key did */
  eventKey: string | null;
  reference: string;
  lookups: Lookups;
  onValueChange(value: unknown): void;
}

/** A picked record as the sheet reads a typed or pasted one (`coerce`): #id names that record, a bare id would be read as a label. */
const asPicked = (id: unknown) => (id == null || id === '' ? null : `#${String(id)}`);

/** The grid's editor of a reference cell: `ReferenceEditor` shown through the sheet's portals. */
export class ReferenceCellEditor implements ICellEditorComp<SheetRow> {
  private readonly gui = document.createElement('div');
  private value: unknown;
  private portals?: PortalStore;

  init(params: ICellEditorParams<SheetRow> & Params): void {
    this.value = asPicked(params.value);
    this.portals = params.portals;
    params.portals.show(
      this.gui,
      <ReferenceEditor
        value={params.value}
        eventKey={params.eventKey}
        reference={params.reference}
        lookups={params.lookups}
        onValueChange={(id) => (this.value = asPicked(id))}
      />,
    );
  }

  getGui(): HTMLElement {
    return this.gui;
  }

  getValue(): unknown {
    return this.value;
  }

  isPopup(): boolean {
    return true;
  }

  destroy(): void {
    this.portals?.remove(this.gui);
  }
}

/** Autocomplete over a referenced resource's labels; arrows pick, Enter/Tab commit the highlighted one. */
function ReferenceEditor({ value, onValueChange, eventKey, reference, lookups }: EditorProps) {
  const options = useMemo(() => lookups.options(reference), [lookups, reference]);
  const [text, setText] = useState(eventKey && eventKey.length === 1 ? eventKey : value ? lookups.label(reference, value) : '');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const matches = useMemo(() => {
    const q = text.trim().toLowerCase();
    const current = value ? lookups.label(reference, value).toLowerCase() : '';
    const all = q === '' || q === current ? options : options.filter((o) => o.label.toLowerCase().includes(q));
    return all.slice(0, 50);
  }, [text, options, lookups, reference, value]);

  useEffect(() => input.current?.focus(), []);
  useEffect(() => {
    const chosen = matches[active];
    if (text.trim() === '') onValueChange(null);
    else if (chosen) onValueChange(chosen.id);
  }, [matches, active, text, onValueChange]);

  return (
    <div className="reference-editor">
      <input
        ref={input}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            e.stopPropagation();
            setActive((i) => Math.max(0, Math.min(matches.length - 1, i + (e.key === 'ArrowDown' ? 1 : -1))));
          }
        }}
      />
      <ul role="listbox">
        {matches.map((option, i) => (
          <li
            key={option.id}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : undefined}
            onMouseDown={(e) => {
              e.preventDefault();
              setText(option.label);
              setActive(0);
              onValueChange(option.id);
            }}
          >
            {option.label}
          </li>
        ))}
      </ul>
    </div>
  );
}

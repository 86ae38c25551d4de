import React from 'react';
import clsx from 'clsx';
import type { SourceRef } from '../../../checks/data/sources';
import ScrollTable from '../ScrollTable';
import SourceLinks from '../SourceLinks';
import styles from '../../css/data-table.module.css';

/** A column of a data table: its heading and the share of the width it gets (the rest is shared). */
export interface Column {
  /** React key of the heading; the label when it is a string. */
  key?: string;
  label: React.ReactNode;
  width?: 'narrow' | 'medium' | 'wide';
  /** Attributes of the heading cell, e.g. `data-region`. */
  attrs?: Readonly<Record<`data-${string}`, string>>;
}

type Props = Omit<React.ComponentProps<typeof ScrollTable>, 'children'> & {
  /** `data-table` of the table, the name the tests and the stylesheet know it by. */
  name: string;
  columns: readonly Column[];
  /** The body: one or more `<tbody>`. */
  children: React.ReactNode;
};

/**
 * One data table of the reference pages (rendered from checks/data): the column headings, the
 * shared table style and the scroll frame of `ScrollTable`, which never lets a word break.
 */
export default function DataTable({ name, columns, children, className, ...props }: Props): React.JSX.Element {
  return (
    <ScrollTable className={clsx(styles.table, className)} data-table={name} {...props}>
      <thead>
        <tr>
          {columns.map((c, i) => (
            <th key={c.key ?? (typeof c.label === 'string' ? c.label : i)} scope="col" className={c.width ? styles[c.width] : undefined} {...c.attrs}>
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      {children}
    </ScrollTable>
  );
}

interface NotesProps {
  /** False marks the value "(unconfirmed)"; undefined says nothing. */
  confirmed?: boolean;
  /** Shown as the title of the "(unconfirmed)" mark. */
  unconfirmedTitle?: string;
  note?: string | undefined;
  sources?: readonly SourceRef[];
  /** Text before the source links, e.g. "Sources: ". */
  sourcesLabel?: string;
}

/** What follows a value in a data table: "(unconfirmed)" where no source confirms it, its note, its sources. */
export function ValueNotes({ confirmed, unconfirmedTitle, note, sources, sourcesLabel }: NotesProps): React.JSX.Element {
  return (
    <>
      {confirmed === false ? <span className={styles.unconfirmed} title={unconfirmedTitle}> (unconfirmed)</span> : null}
      {note ? <div className={styles.note}>{note}</div> : null}
      {sources ? <SourceLinks sources={sources} {...(sourcesLabel ? { label: sourcesLabel } : {})} /> : null}
    </>
  );
}

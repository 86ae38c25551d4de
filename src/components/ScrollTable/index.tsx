import React, { useEffect, useRef, useState } from 'react';
import clsx from 'clsx';
import styles from './styles.module.css';

type Props = React.ComponentProps<'table'> & {
  /**
   * The table's caption. It is shown above the frame, so it wraps to the page and never scrolls
   * away with a wide table; the table keeps it as its <caption> for assistive technology.
   */
  caption?: React.ReactNode;
};

/**
 * A table that never squeezes words apart: cells wrap between words only, and when the columns
 * need more room than the page has (a phone, a table of hosts), the table scrolls sideways inside
 * its own frame, which then says so, and can be scrolled with the keyboard. The page itself never
 * scrolls sideways.
 */
export default function ScrollTable({ className, caption, children, ...props }: Props): React.JSX.Element {
  const frame = useRef<HTMLDivElement>(null);
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    const el = frame.current;
    if (!el || typeof ResizeObserver === 'undefined') return undefined;
    const measure = (): void => setOverflows(el.scrollWidth > el.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    const table = el.firstElementChild;
    if (table) observer.observe(table);
    return () => observer.disconnect();
  }, []);
  return (
    <div className={styles.wrap} data-table-wrap="">
      {caption !== undefined ? <p className={styles.caption} aria-hidden="true" data-table-caption="">{caption}</p> : null}
      {overflows ? <p className={styles.hint} data-scroll-hint="">Wider than the page: scroll the table sideways to see every column.</p> : null}
      <div
        ref={frame}
        className={clsx(styles.frame, overflows && styles.overflowing)}
        data-table-scroll={overflows ? 'overflowing' : ''}
        {...(overflows ? { role: 'region', tabIndex: 0, 'aria-label': 'Table, scrolls sideways' } : {})}
      >
        <table className={clsx(styles.table, className)} {...props}>
          {caption !== undefined ? <caption className="sr-only">{caption}</caption> : null}
          {children}
        </table>
      </div>
    </div>
  );
}

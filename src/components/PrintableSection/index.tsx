import React from 'react';
import styles from './styles.module.css';

interface Props {
  children: React.ReactNode;
}

/**
 * Wraps content whose tables must print without clipping: on screen the tables keep the theme's
 * scrolling; in print they take the page width, use fixed layout and wrap long values.
 */
export default function PrintableSection({ children }: Props): React.JSX.Element {
  return <div className={styles.printable}>{children}</div>;
}

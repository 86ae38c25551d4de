import React from 'react';
import styles from './styles.module.css';

interface Props {
  /** One Markdown table whose first column holds short labels (e.g. "Aspect | Answer"). */
  children: React.ReactNode;
}

/**
 * Keeps the label column of a Markdown table readable: labels wrap between words only and get a
 * fixed share of the width, long values (code, URLs) may still break anywhere. On screen and in print.
 */
export default function LabelledTable({ children }: Props): React.JSX.Element {
  return <div className={styles.labelled} data-labelled-table="">{children}</div>;
}

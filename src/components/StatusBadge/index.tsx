import React from 'react';
import clsx from 'clsx';
import type { Status } from '../../../checks/core/types';
import { STATUS_LABEL, STATUS_SYMBOL } from '../../../checks/report/shared';
import styles from './styles.module.css';

interface Props {
  status: Status;
  className?: string | undefined;
}

/** A status as a symbol AND a word (never colour alone); the colour only reinforces it. */
export default function StatusBadge({ status, className }: Props): React.JSX.Element {
  return (
    <span className={clsx(styles.badge, styles[status], className)} data-status={status}>
      <span className={styles.symbol} aria-hidden="true">{STATUS_SYMBOL[status]}</span>
      <span className={styles.label}>{STATUS_LABEL[status]}</span>
    </span>
  );
}

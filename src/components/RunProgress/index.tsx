import React from 'react';
import StatusBadge from '../StatusBadge';
import { announcement, type RunProgress as Progress } from '../../utils/run-progress';
import styles from './styles.module.css';

interface Props {
  progress: Progress;
  /** Shown instead of the list when the run is over (the report takes over). */
  hideWhenDone?: boolean;
}

/** Per-check progress of a run, and a polite live region that announces it. */
export default function RunProgress({ progress, hideWhenDone = true }: Props): React.JSX.Element {
  const stopped = progress.phase === 'stopped';
  const showList = progress.phase === 'running' || stopped || (!hideWhenDone && progress.phase === 'done');
  return (
    <div className={styles.progress} data-run-phase={progress.phase}>
      <p role="status" aria-live="polite" className={styles.live} data-run-announcement>
        {announcement(progress)}
      </p>
      {showList && progress.rows.length > 0 ? (
        <ol className={styles.list} aria-label={stopped ? 'Checks when the run was stopped' : 'Progress per check'} data-run-progress>
          {progress.rows.map((row) => {
            const state = row.status ?? (stopped ? 'stopped' : 'running');
            return (
              <li key={row.id} data-check-id={row.id} data-status={state}>
                {row.status ? <StatusBadge status={row.status} /> : <span className={stopped ? styles.stopped : styles.running}>{stopped ? 'stopped, no result' : 'running…'}</span>}{' '}
                <code className={styles.id}>{row.id}</code> {row.title}
              </li>
            );
          })}
        </ol>
      ) : null}
    </div>
  );
}

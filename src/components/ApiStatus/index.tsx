import React from 'react';
import type { ApiAvailability } from '../../utils/check-api';
import styles from './styles.module.css';

export type ApiState = { state: 'unknown' } | { state: 'checking' } | ApiAvailabilityState;
type ApiAvailabilityState = { state: 'known' } & ApiAvailability;

interface Props {
  api: ApiState;
}

/** Says whether the check API is there; without it, points at the CLI command shown beside it. */
export default function ApiStatus({ api }: Props): React.JSX.Element | null {
  if (api.state === 'unknown') return null;
  if (api.state === 'checking') return <p className={styles.note} data-api-status="checking">Looking for the check API…</p>;
  if (api.available) {
    const { health } = api;
    return (
      <p className={styles.note} data-api-status="available">
        Check API {health.version} is available ({health.mode === 'development' ? 'development mode: private and loopback addresses are allowed' : health.allowPrivate ? 'private addresses allowed' : 'public addresses only'}).
      </p>
    );
  }
  return (
    <div className={styles.unavailable} data-api-status="unavailable" role="alert">
      <p>
        <strong>This check needs the botflow API, and this copy of the site has none.</strong> {api.reason}
      </p>
      <p>
        Run the same checks from your own machine with the CLI command shown here, or start the site with its
        API: <code>npm start</code> in a clone of this project, or <code>botflow serve</code>.
      </p>
    </div>
  );
}

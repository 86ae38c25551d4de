import React from 'react';
import { CLOUD_PRESETS, SERVICE_URL_HOSTS } from '../../../checks/core/clouds';
import SourceLinks from '../SourceLinks';
import styles from './styles.module.css';

/** Hosts Teams uses in `serviceUrl`, by cloud, rendered from checks/core/clouds. */
export default function ServiceUrlHostsTable(): React.JSX.Element {
  return (
    <table className={styles.table} data-table="serviceurl-hosts">
      <thead>
        <tr>
          <th scope="col">Host</th>
          <th scope="col">Cloud</th>
          <th scope="col">Purpose</th>
          <th scope="col">Sources</th>
        </tr>
      </thead>
      <tbody>
        {SERVICE_URL_HOSTS.map((h) => (
          <tr key={h.host} data-host={h.host}>
            <td data-col="host"><code>{h.host}</code></td>
            <td data-col="cloud">{CLOUD_PRESETS[h.cloud].shortName}</td>
            <td data-col="purpose">
              {h.purpose}
              {h.confirmed ? null : <span className={styles.unconfirmed}> (unconfirmed)</span>}
              {h.note ? <div className={styles.note}>{h.note}</div> : null}
            </td>
            <td data-col="sources"><SourceLinks sources={h.sources} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

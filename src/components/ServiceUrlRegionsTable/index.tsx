import React from 'react';
import { SERVICE_URL_REGIONS } from '../../../checks/core/clouds';
import SourceLinks from '../SourceLinks';
import styles from './styles.module.css';

/** First path segments of Teams serviceUrls (regions), rendered from checks/core/clouds. */
export default function ServiceUrlRegionsTable(): React.JSX.Element {
  return (
    <table className={styles.table} data-table="serviceurl-regions">
      <thead>
        <tr>
          <th scope="col">Path</th>
          <th scope="col">Meaning</th>
          <th scope="col">Kind</th>
          <th scope="col">Hosts</th>
          <th scope="col">Sources</th>
        </tr>
      </thead>
      <tbody>
        {SERVICE_URL_REGIONS.map((r) => (
          <tr key={r.path} data-path={r.path}>
            <td data-col="path"><code>/{r.path}/</code></td>
            <td data-col="name">
              {r.name}
              {r.confirmed ? null : <span className={styles.unconfirmed}> (unconfirmed)</span>}
              {r.note ? <div className={styles.note}>{r.note}</div> : null}
            </td>
            <td data-col="kind">{r.kind}</td>
            <td data-col="hosts">
              {r.hosts.map((h) => <div key={h}><code>{h}</code></div>)}
            </td>
            <td data-col="sources"><SourceLinks sources={r.sources} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

import React from 'react';
import { SERVICE_URL_REGIONS } from '../../../checks/core/clouds';
import CodeValue from '../CodeValue';
import SourceLinks from '../SourceLinks';
import ScrollTable from '../ScrollTable';
import styles from '../../css/data-table.module.css';

/** First path segments of Teams serviceUrls (regions), rendered from checks/core/clouds. */
export default function ServiceUrlRegionsTable(): React.JSX.Element {
  return (
    <ScrollTable className={styles.table} data-table="serviceurl-regions">
      <thead>
        <tr>
          <th scope="col">Path</th>
          <th scope="col">Meaning and sources</th>
          <th scope="col">Hosts</th>
        </tr>
      </thead>
      <tbody>
        {SERVICE_URL_REGIONS.map((r) => (
          <tr key={r.path} data-path={r.path}>
            <td data-col="path" className={styles.path}><code>/{r.path}/</code></td>
            <td data-col="name">
              {r.name} <span data-col="kind" className={styles.kind}>({r.kind})</span>
              {r.confirmed ? null : <span className={styles.unconfirmed}> (unconfirmed)</span>}
              {r.note ? <div className={styles.note}>{r.note}</div> : null}
              <SourceLinks sources={r.sources} label="Sources: " />
            </td>
            <td data-col="hosts" className={styles.hosts}>
              {r.hosts.map((h) => <div key={h}><CodeValue value={h} /></div>)}
            </td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

import React from 'react';
import { CLOUD_PRESETS, SERVICE_URL_HOSTS } from '../../../checks/core/clouds';
import CodeValue from '../CodeValue';
import SourceLinks from '../SourceLinks';
import ScrollTable from '../ScrollTable';
import styles from '../../css/data-table.module.css';

/** Hosts Teams uses in `serviceUrl`, by cloud, rendered from checks/core/clouds. */
export default function ServiceUrlHostsTable(): React.JSX.Element {
  return (
    <ScrollTable className={styles.table} data-table="serviceurl-hosts">
      <thead>
        <tr>
          <th scope="col">Host</th>
          <th scope="col">Cloud</th>
          <th scope="col">Purpose and sources</th>
        </tr>
      </thead>
      <tbody>
        {SERVICE_URL_HOSTS.map((h) => (
          <tr key={h.host} data-host={h.host}>
            <td data-col="host" className={styles.host}><CodeValue value={h.host} /></td>
            <td data-col="cloud" className={styles.cloud}>{CLOUD_PRESETS[h.cloud].shortName}</td>
            <td data-col="purpose">
              {h.purpose}
              {h.confirmed ? null : <span className={styles.unconfirmed}> (unconfirmed)</span>}
              {h.note ? <div className={styles.note}>{h.note}</div> : null}
              <SourceLinks sources={h.sources} label="Sources: " />
            </td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

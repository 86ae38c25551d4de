import React from 'react';
import { FQDN_ENTRIES, type CloudId, type FqdnEntry, type Feature } from '../../../checks/core/clouds';
import SourceLinks from '../SourceLinks';
import styles from './styles.module.css';

interface Props {
  cloud: CloudId;
  /** Only hosts needed for one of these features; all features by default. */
  features?: readonly Feature[];
}

/** The entries a table shows, in data order. Exported so tests compare against the same rule. */
export function fqdnRows(cloud: CloudId, features?: readonly Feature[]): FqdnEntry[] {
  return FQDN_ENTRIES.filter((e) => e.clouds.includes(cloud) && (!features || e.features.some((f) => features.includes(f))));
}

/** Outbound allowlist for one cloud, rendered from checks/core/clouds (what `botflow egress` probes). */
export default function FqdnTable({ cloud, features }: Props): React.JSX.Element {
  const rows = fqdnRows(cloud, features);
  return (
    <table className={styles.table} data-table="fqdn" data-cloud={cloud}>
      <thead>
        <tr>
          <th scope="col">Host (HTTPS, port 443)</th>
          <th scope="col">Needed for</th>
          <th scope="col">Required</th>
          <th scope="col">Purpose</th>
          <th scope="col">Sources</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((e) => (
          <tr key={`${e.host}|${e.clouds.join(',')}`} data-host={e.host}>
            <td data-col="host"><code>{e.host}</code></td>
            <td data-col="features">
              {e.features.join(', ')}
              {e.region ? ` (regional bot: ${e.region})` : ''}
            </td>
            <td data-col="required">
              {e.required ? 'yes' : 'depends'}
              {e.confirmed ? null : <span className={styles.unconfirmed}> (unconfirmed)</span>}
            </td>
            <td data-col="purpose">
              {e.purpose}
              {e.note ? <div className={styles.note}>{e.note}</div> : null}
            </td>
            <td data-col="sources"><SourceLinks sources={e.sources} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

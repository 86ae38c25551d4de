import React from 'react';
import { FQDN_ENTRIES, type CloudId, type FqdnEntry, type Feature } from '../../../checks/core/clouds';
import CodeValue from '../CodeValue';
import SourceLinks from '../SourceLinks';
import ScrollTable from '../ScrollTable';
import styles from './styles.module.css';

interface Props {
  cloud: CloudId;
  /** Only hosts needed for one of these features; all features by default. */
  features?: readonly Feature[];
}

/** The entries a table shows, in data order. */
export function fqdnRows(cloud: CloudId, features?: readonly Feature[]): FqdnEntry[] {
  return FQDN_ENTRIES.filter((e) => e.clouds.includes(cloud) && (!features || e.features.some((f) => features.includes(f))));
}

/** Outbound allowlist for one cloud, rendered from checks/core/clouds (what `botflow egress` probes). */
export default function FqdnTable({ cloud, features }: Props): React.JSX.Element {
  const rows = fqdnRows(cloud, features);
  return (
    <ScrollTable className={styles.table} data-table="fqdn" data-cloud={cloud}>
      <thead>
        <tr>
          <th scope="col">Host (HTTPS, 443)</th>
          <th scope="col">Needed for</th>
          <th scope="col">Purpose and sources</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((e) => (
          <tr key={e.host} data-host={e.host}>
            <td data-col="host" className={styles.host}><CodeValue value={e.host} /></td>
            <td data-col="features" className={styles.features}>
              {e.features.join(', ')}
              {e.region ? <div>regional bot: {e.region}</div> : null}
              <div data-col="required" className={e.required ? styles.required : styles.optional}>
                {e.required ? 'required' : 'depends'}
                {e.confirmed ? null : <span className={styles.unconfirmed}> (unconfirmed)</span>}
              </div>
            </td>
            <td data-col="purpose">
              {e.purpose}
              {e.note ? <div className={styles.note}>{e.note}</div> : null}
              <SourceLinks sources={e.sources} label="Sources: " />
            </td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

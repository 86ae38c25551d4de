import React from 'react';
import { FQDN_ENTRIES, type CloudId, type FqdnEntry, type Feature } from '../../../checks/core/clouds';
import CodeValue from '../CodeValue';
import DataTable, { ValueNotes, type Column } from '../DataTable';
import styles from '../../css/data-table.module.css';

interface Props {
  cloud: CloudId;
  /** Only hosts needed for one of these features; all features by default. */
  features?: readonly Feature[];
}

/** The entries a table shows, in data order. */
export function fqdnRows(cloud: CloudId, features?: readonly Feature[]): FqdnEntry[] {
  return FQDN_ENTRIES.filter((e) => e.clouds.includes(cloud) && (!features || e.features.some((f) => features.includes(f))));
}

const COLUMNS: readonly Column[] = [
  { label: 'Host (HTTPS, 443)', width: 'wide' },
  { label: 'Needed for', width: 'narrow' },
  { label: 'Purpose and sources' },
];

/** Outbound allowlist for one cloud, rendered from checks/core/clouds (what `botflow egress` probes). */
export default function FqdnTable({ cloud, features }: Props): React.JSX.Element {
  const rows = fqdnRows(cloud, features);
  return (
    <DataTable name="fqdn" data-cloud={cloud} columns={COLUMNS}>
      <tbody>
        {rows.map((e) => (
          <tr key={e.host} data-host={e.host}>
            <td data-col="host"><CodeValue value={e.host} /></td>
            <td data-col="features" className={styles.small}>
              {e.features.join(', ')}
              {e.region ? <div>regional bot: {e.region}</div> : null}
              <div data-col="required" className={e.required ? styles.strong : styles.optional}>
                {e.required ? 'required' : 'depends'}
                <ValueNotes confirmed={e.confirmed} />
              </div>
            </td>
            <td data-col="purpose">
              {e.purpose}
              <ValueNotes note={e.note} sources={e.sources} sourcesLabel="Sources: " />
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

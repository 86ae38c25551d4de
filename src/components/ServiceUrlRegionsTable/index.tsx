import React from 'react';
import { SERVICE_URL_REGIONS } from '../../../checks/core/clouds';
import CodeValue from '../CodeValue';
import DataTable, { ValueNotes, type Column } from '../DataTable';
import styles from '../../css/data-table.module.css';

const COLUMNS: readonly Column[] = [{ label: 'Path', width: 'narrow' }, { label: 'Meaning and sources' }, { label: 'Hosts', width: 'wide' }];

/** First path segments of Teams serviceUrls (regions), rendered from checks/core/clouds. */
export default function ServiceUrlRegionsTable(): React.JSX.Element {
  return (
    <DataTable name="serviceurl-regions" columns={COLUMNS}>
      <tbody>
        {SERVICE_URL_REGIONS.map((r) => (
          <tr key={r.path} data-path={r.path}>
            <td data-col="path"><code>/{r.path}/</code></td>
            <td data-col="name">
              {r.name} <span data-col="kind" className={styles.kind}>({r.kind})</span>
              <ValueNotes confirmed={r.confirmed} note={r.note} sources={r.sources} sourcesLabel="Sources: " />
            </td>
            <td data-col="hosts">
              {r.hosts.map((h) => <div key={h}><CodeValue value={h} /></div>)}
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

import React from 'react';
import { CLOUD_PRESETS, SERVICE_URL_HOSTS } from '../../../checks/core/clouds';
import CodeValue from '../CodeValue';
import DataTable, { ValueNotes, type Column } from '../DataTable';

const COLUMNS: readonly Column[] = [{ label: 'Host', width: 'wide' }, { label: 'Cloud', width: 'narrow' }, { label: 'Purpose and sources' }];

/** Hosts Teams uses in `serviceUrl`, by cloud, rendered from checks/core/clouds. */
export default function ServiceUrlHostsTable(): React.JSX.Element {
  return (
    <DataTable name="serviceurl-hosts" columns={COLUMNS}>
      <tbody>
        {SERVICE_URL_HOSTS.map((h) => (
          <tr key={h.host} data-host={h.host}>
            <td data-col="host"><CodeValue value={h.host} /></td>
            <td data-col="cloud">{CLOUD_PRESETS[h.cloud].shortName}</td>
            <td data-col="purpose">
              {h.purpose}
              <ValueNotes confirmed={h.confirmed} note={h.note} sources={h.sources} sourcesLabel="Sources: " />
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

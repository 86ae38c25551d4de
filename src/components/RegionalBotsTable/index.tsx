import React from 'react';
import { REGIONAL_BOT_ENDPOINTS, type RegionalBotEndpoints, type SourcedValue } from '../../../checks/core/clouds';
import CodeValue from '../CodeValue';
import SourceLinks from '../SourceLinks';
import DataTable, { ValueNotes, type Column } from '../DataTable';
import styles from '../../css/data-table.module.css';

function Value({ v }: { v: SourcedValue | null }): React.JSX.Element {
  if (!v) return <span className={styles.none}>none</span>;
  return (
    <>
      <CodeValue value={v.value} />
      <ValueNotes confirmed={v.confirmed} note={v.note} />
    </>
  );
}

const FIELDS: ReadonlyArray<{ key: 'azureLocation' | 'tokenServiceUrl' | 'sdkOAuthUrl' | 'directLineHost'; label: string }> = [
  { key: 'azureLocation', label: 'Azure location' },
  { key: 'tokenServiceUrl', label: 'User token service' },
  { key: 'sdkOAuthUrl', label: 'SDK OAuthUrl' },
  { key: 'directLineHost', label: 'Direct Line host' },
];

const COLUMNS: readonly Column[] = [
  { label: 'Setting' },
  ...REGIONAL_BOT_ENDPOINTS.map((r): Column => ({ key: r.region, label: r.name, attrs: { 'data-region': r.region } })),
];

function sourcesOf(r: RegionalBotEndpoints) {
  return FIELDS.flatMap((f) => r[f.key]?.sources ?? []);
}

/** Regional (data-residency) Azure Bot endpoints, one column per region, rendered from checks/core/clouds. */
export default function RegionalBotsTable(): React.JSX.Element {
  return (
    <DataTable name="regional-bots" columns={COLUMNS}>
      <tbody>
        {FIELDS.map((f) => (
          <tr key={f.key} data-row={f.key}>
            <th scope="row">{f.label}</th>
            {REGIONAL_BOT_ENDPOINTS.map((r) => (
              <td key={r.region} data-region={r.region}><Value v={r[f.key]} /></td>
            ))}
          </tr>
        ))}
        <tr data-row="sources">
          <th scope="row">Sources</th>
          {REGIONAL_BOT_ENDPOINTS.map((r) => (
            <td key={r.region} data-region={r.region}><SourceLinks sources={sourcesOf(r)} /></td>
          ))}
        </tr>
      </tbody>
    </DataTable>
  );
}

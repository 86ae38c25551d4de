import React from 'react';
import {
  CLOUD_PRESETS, CLOUD_IDS, serviceUrlHostsFor, type CloudId, type CloudPreset, type SourcedValue,
} from '../../../checks/core/clouds';
import CodeValue from '../CodeValue';
import SourceLinks from '../SourceLinks';
import DataTable, { ValueNotes, type Column } from '../DataTable';
import styles from '../../css/data-table.module.css';

interface Props {
  /** Clouds to show, in order; all clouds by default. */
  clouds?: readonly CloudId[];
}

/** One endpoint of the table: a label and how to read its values from a preset. */
export interface EndpointRow {
  key: string;
  label: string;
  values(preset: CloudPreset): readonly SourcedValue[];
}

function one(v: SourcedValue | null): readonly SourcedValue[] {
  return v ? [v] : [];
}

/** The endpoints shown, in order. */
export const ENDPOINT_ROWS: readonly EndpointRow[] = [
  { key: 'openIdMetadataUrl', label: 'OpenID metadata (keys for inbound tokens)', values: (p) => [p.openIdMetadataUrl] },
  { key: 'tokenIssuer', label: 'Issuer (iss) of inbound tokens', values: (p) => [p.tokenIssuer] },
  { key: 'loginAuthority', label: "Login authority for the bot's token", values: (p) => [p.loginAuthority] },
  { key: 'multiTenantLoginTenant', label: 'Tenant in the token URL of multi-tenant bots', values: (p) => [p.multiTenantLoginTenant] },
  { key: 'botOAuthScope', label: "Bot scope (the bot's token for serviceUrl)", values: (p) => [p.botOAuthScope] },
  { key: 'userTokenServiceUrls', label: 'User token service (OAuth / SSO)', values: (p) => p.userTokenServiceUrls },
  { key: 'oauthRedirectUrl', label: 'OAuth redirect URL', values: (p) => [p.oauthRedirectUrl] },
  { key: 'channelService', label: 'ChannelService setting', values: (p) => one(p.channelService) },
  {
    key: 'serviceUrlHosts',
    label: 'serviceUrl hosts',
    values: (p) => serviceUrlHostsFor(p.id).map((h) => ({ value: h.host, sources: h.sources, confirmed: h.confirmed, ...(h.note ? { note: h.note } : {}) })),
  },
  { key: 'proactiveServiceUrl', label: 'serviceUrl for proactive messages without a conversation', values: (p) => one(p.proactiveServiceUrl) },
  { key: 'graphBaseUrl', label: 'Microsoft Graph', values: (p) => [p.graphBaseUrl] },
];

export interface CloudGroup {
  clouds: CloudId[];
  values: readonly SourcedValue[];
}

/** Groups neighbouring clouds whose values are identical, so differences stand out. */
export function groupByValue(row: EndpointRow, clouds: readonly CloudId[]): CloudGroup[] {
  const groups: CloudGroup[] = [];
  const key = (vs: readonly SourcedValue[]) => vs.map((v) => v.value).join('\n');
  for (const cloud of clouds) {
    const values = row.values(CLOUD_PRESETS[cloud]);
    const last = groups[groups.length - 1];
    if (last && key(last.values) === key(values)) last.clouds.push(cloud);
    else groups.push({ clouds: [cloud], values });
  }
  return groups;
}

const COLUMNS: readonly Column[] = [
  { label: 'Endpoint', width: 'medium' },
  { label: 'Cloud', width: 'narrow' },
  { label: 'Value and sources' },
];

/**
 * Endpoint presets per cloud, rendered from checks/core/clouds (the data the checks use). One row
 * group per endpoint; clouds that share a value share a row.
 */
export default function CloudEndpointsTable({ clouds = CLOUD_IDS }: Props): React.JSX.Element {
  return (
    <DataTable name="cloud-endpoints" columns={COLUMNS}>
      {ENDPOINT_ROWS.map((row) => {
        const groups = groupByValue(row, clouds);
        return (
          <tbody key={row.key} data-row={row.key} className={styles.group}>
            {groups.map((g, i) => (
              <tr key={g.clouds.join(' ')} data-clouds={g.clouds.join(' ')}>
                {i === 0 ? <th scope="rowgroup" rowSpan={groups.length} className={styles.rowLabel}>{row.label}</th> : null}
                <td>{g.clouds.map((c) => CLOUD_PRESETS[c].shortName).join(', ')}</td>
                <td>
                  {g.values.length === 0 ? <span className={styles.none}>none</span> : null}
                  {g.values.map((v) => (
                    <div key={v.value} className={styles.value}>
                      <CodeValue value={v.value} />
                      <ValueNotes confirmed={v.confirmed} unconfirmedTitle={v.note ?? 'Not confirmed by a Microsoft source'} />
                    </div>
                  ))}
                  <SourceLinks sources={g.values.flatMap((v) => v.sources)} />
                </td>
              </tr>
            ))}
          </tbody>
        );
      })}
    </DataTable>
  );
}

import React from 'react';
import {
  CLOUD_PRESETS, CLOUD_IDS, serviceUrlHostsFor, type CloudId, type CloudPreset, type SourcedValue, type SourceRef,
} from '../../../checks/core/clouds';
import SourceLinks from '../SourceLinks';
import styles from './styles.module.css';

interface Props {
  /** Columns, in order; all clouds by default. */
  clouds?: readonly CloudId[];
}

/** One row of the table: a label and how to read its values from a preset. */
export interface EndpointRow {
  key: string;
  label: string;
  values(preset: CloudPreset): readonly SourcedValue[];
}

function one(v: SourcedValue | null): readonly SourcedValue[] {
  return v ? [v] : [];
}

/** The rows shown, in order. Exported so tests compare the rendered cells with the same data. */
export const ENDPOINT_ROWS: readonly EndpointRow[] = [
  { key: 'openIdMetadataUrl', label: 'OpenID metadata (inbound token keys)', values: (p) => [p.openIdMetadataUrl] },
  { key: 'tokenIssuer', label: 'Token issuer (iss) of inbound tokens', values: (p) => [p.tokenIssuer] },
  { key: 'loginAuthority', label: 'Login authority (bot token)', values: (p) => [p.loginAuthority] },
  { key: 'multiTenantLoginTenant', label: 'Tenant in the token URL for multi-tenant bots', values: (p) => [p.multiTenantLoginTenant] },
  { key: 'botOAuthScope', label: 'Bot scope (token for serviceUrl)', values: (p) => [p.botOAuthScope] },
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

function rowSources(row: EndpointRow, clouds: readonly CloudId[]): SourceRef[] {
  return clouds.flatMap((c) => row.values(CLOUD_PRESETS[c]).flatMap((v) => v.sources));
}

/** Endpoint presets per cloud, rendered from checks/core/clouds (the same data the checks use). */
export default function CloudEndpointsTable({ clouds = CLOUD_IDS }: Props): React.JSX.Element {
  return (
    <table className={styles.table} data-table="cloud-endpoints">
      <thead>
        <tr>
          <th scope="col">Endpoint</th>
          {clouds.map((c) => (
            <th scope="col" key={c} data-cloud={c}>{CLOUD_PRESETS[c].shortName}</th>
          ))}
          <th scope="col">Sources</th>
        </tr>
      </thead>
      <tbody>
        {ENDPOINT_ROWS.map((row) => (
          <tr key={row.key} data-row={row.key}>
            <th scope="row">{row.label}</th>
            {clouds.map((c) => {
              const values = row.values(CLOUD_PRESETS[c]);
              return (
                <td key={c} data-cloud={c}>
                  {values.length === 0 ? <span className={styles.none}>none</span> : null}
                  {values.map((v) => (
                    <div key={v.value} className={styles.value}>
                      <code data-value="">{v.value}</code>
                      {v.confirmed ? null : (
                        <span className={styles.unconfirmed} title={v.note ?? 'Not confirmed by a Microsoft source'}> (unconfirmed)</span>
                      )}
                    </div>
                  ))}
                </td>
              );
            })}
            <td><SourceLinks sources={rowSources(row, clouds)} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

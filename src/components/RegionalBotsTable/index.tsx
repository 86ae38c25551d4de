import React from 'react';
import { REGIONAL_BOT_ENDPOINTS, type SourcedValue } from '../../../checks/core/clouds';
import SourceLinks from '../SourceLinks';
import styles from './styles.module.css';

function Value({ v }: { v: SourcedValue | null }): React.JSX.Element {
  if (!v) return <span className={styles.none}>none</span>;
  return (
    <>
      <code>{v.value}</code>
      {v.confirmed ? null : <span className={styles.unconfirmed}> (unconfirmed)</span>}
      {v.note ? <div className={styles.note}>{v.note}</div> : null}
    </>
  );
}

/** Regional (data-residency) Azure Bot endpoints, rendered from checks/core/clouds. */
export default function RegionalBotsTable(): React.JSX.Element {
  return (
    <table className={styles.table} data-table="regional-bots">
      <thead>
        <tr>
          <th scope="col">Region</th>
          <th scope="col">Azure location</th>
          <th scope="col">User token service</th>
          <th scope="col">SDK OAuthUrl</th>
          <th scope="col">Direct Line host</th>
          <th scope="col">Sources</th>
        </tr>
      </thead>
      <tbody>
        {REGIONAL_BOT_ENDPOINTS.map((r) => (
          <tr key={r.region} data-region={r.region}>
            <th scope="row">{r.name}</th>
            <td data-col="azureLocation"><Value v={r.azureLocation} /></td>
            <td data-col="tokenServiceUrl"><Value v={r.tokenServiceUrl} /></td>
            <td data-col="sdkOAuthUrl"><Value v={r.sdkOAuthUrl} /></td>
            <td data-col="directLineHost"><Value v={r.directLineHost} /></td>
            <td data-col="sources">
              <SourceLinks
                sources={[r.azureLocation, r.tokenServiceUrl, r.sdkOAuthUrl, r.directLineHost]
                  .flatMap((v) => (v ? v.sources : []))}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

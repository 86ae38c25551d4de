import React from 'react';
import { RSC_PERMISSIONS, type RscPermission, type RscScope } from '../../../checks/data/rsc-permissions';
import CodeValue from '../CodeValue';
import DataTable, { type Column } from '../DataTable';
import styles from '../../css/data-table.module.css';

interface Props {
  /** Only permissions that read message, meeting or media content. */
  contentOnly?: boolean;
  /** Only permissions consented for this kind of resource. */
  scope?: RscScope;
}

const SCOPE_LABEL: Record<RscScope, string> = { team: 'one team', chat: 'one chat or meeting', user: 'one user' };

const COLUMNS: readonly Column[] = [
  { label: 'Permission', width: 'wide' },
  { label: 'Type, consented for', width: 'medium' },
  { label: 'Lets the app' },
];

/** The permissions a table shows, in data order. */
export function rscRows(props: Props): RscPermission[] {
  return RSC_PERMISSIONS.filter((p) => (!props.contentOnly || p.readsContent) && (!props.scope || p.scope === props.scope));
}

/** Resource-specific consent permissions and what each grants, rendered from checks/data/rsc-permissions. */
export default function RscPermissionsTable(props: Props): React.JSX.Element {
  const rows = rscRows(props);
  return (
    <DataTable name="rsc-permissions" columns={COLUMNS}>
      <tbody>
        {rows.map((p) => (
          <tr key={`${p.name}|${p.type}`} data-permission={p.name}>
            <td data-col="name"><CodeValue value={p.name} /></td>
            <td data-col="type" className={styles.small}>
              {p.type}, {SCOPE_LABEL[p.scope]}
              {p.readsContent ? <div className={styles.strong} data-col="reads-content">reads content</div> : null}
            </td>
            <td data-col="grants">
              {p.grants}{' '}
              <a href={p.source} target="_blank" rel="noopener noreferrer" className={styles.source}>source</a>
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

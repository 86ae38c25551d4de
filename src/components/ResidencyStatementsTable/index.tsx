import React from 'react';
import type { CloudId } from '../../../checks/core/clouds';
import { RESIDENCY_STATEMENTS } from '../../../checks/data/residency';
import DataTable, { ValueNotes, type Column } from '../DataTable';
import styles from '../../css/data-table.module.css';

interface Props {
  cloud: CloudId;
}

const COLUMNS: readonly Column[] = [{ label: 'Kind', width: 'narrow' }, { label: 'Statement and sources' }];

/**
 * What the residency check reports for a cloud (in transit, at rest), rendered from
 * checks/data/residency so this page and `botflow residency` say the same thing.
 */
export default function ResidencyStatementsTable({ cloud }: Props): React.JSX.Element {
  const statements = RESIDENCY_STATEMENTS[cloud];
  return (
    <DataTable name="residency-statements" data-cloud={cloud} columns={COLUMNS}>
      <tbody>
        {statements.map((s) => (
          <tr key={s.text} data-kind={s.kind}>
            <td data-col="kind" className={styles.nowrap}>{s.kind === 'transit' ? 'In transit' : 'At rest'}</td>
            <td data-col="text">
              {s.confirmed ? null : <strong className={styles.optional}>Unconfirmed: </strong>}
              {s.text}
              <ValueNotes note={s.note} sources={s.sources} sourcesLabel="Sources: " />
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

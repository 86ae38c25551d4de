import React from 'react';
import type { CloudId } from '../../../checks/core/clouds';
import { RESIDENCY_STATEMENTS } from '../../../checks/data/residency';
import SourceLinks from '../SourceLinks';
import ScrollTable from '../ScrollTable';
import styles from './styles.module.css';

interface Props {
  cloud: CloudId;
}

/**
 * What the residency check reports for a cloud (in transit, at rest), rendered from
 * checks/data/residency so this page and `botflow residency` say the same thing.
 */
export default function ResidencyStatementsTable({ cloud }: Props): React.JSX.Element {
  const statements = RESIDENCY_STATEMENTS[cloud];
  return (
    <ScrollTable className={styles.table} data-table="residency-statements" data-cloud={cloud}>
      <thead>
        <tr>
          <th scope="col">Kind</th>
          <th scope="col">Statement and sources</th>
        </tr>
      </thead>
      <tbody>
        {statements.map((s) => (
          <tr key={s.text} data-kind={s.kind}>
            <td data-col="kind" className={styles.kind}>{s.kind === 'transit' ? 'In transit' : 'At rest'}</td>
            <td data-col="text">
              {s.confirmed ? null : <strong className={styles.unconfirmed}>Unconfirmed: </strong>}
              {s.text}
              {s.note ? <div className={styles.note}>{s.note}</div> : null}
              <SourceLinks sources={s.sources} label="Sources: " />
            </td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

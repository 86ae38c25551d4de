import React from 'react';
import Link from '@docusaurus/Link';
import { useChecksMeta } from '../CheckMeta/useChecksMeta';
import { SUITE_LABEL } from '../../utils/catalogue';
import ScrollTable from '../ScrollTable';
import styles from './styles.module.css';

/** Every check of the engine, in catalogue order, from checks/core/catalogue.ts (never hand-kept). */
export default function ChecksTable(): React.JSX.Element {
  const checks = useChecksMeta();
  return (
    <ScrollTable className={styles.table} data-checks-table caption={`${checks.length} checks. The id links to the check's page.`}>
      <thead>
        <tr>
          <th scope="col">Id</th>
          <th scope="col">Checks that…</th>
          <th scope="col">Suite</th>
          <th scope="col">Severity</th>
        </tr>
      </thead>
      <tbody>
        {checks.map((c) => (
          <tr key={c.id} data-check-id={c.id}>
            <td><Link to={c.docsUrl}><code>{c.id}</code></Link></td>
            <td>{c.title}</td>
            <td>{SUITE_LABEL[c.suite]}</td>
            <td>{c.severity}</td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

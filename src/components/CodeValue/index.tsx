import React from 'react';
import { breakableParts } from '../../utils/break-points';
import styles from './styles.module.css';

interface Props {
  value: string;
}

/**
 * A host, URL or scope as inline code that may wrap only at its separators (see breakableParts),
 * so table columns stay narrow without breaking words (or values) at arbitrary characters.
 */
export default function CodeValue({ value }: Props): React.JSX.Element {
  const parts = breakableParts(value);
  return (
    <code className={styles.code} data-value="">
      {parts.map((part, i) => (
        <React.Fragment key={i}>
          {i > 0 ? <wbr /> : null}
          {part}
        </React.Fragment>
      ))}
    </code>
  );
}

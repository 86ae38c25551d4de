import React from 'react';
import type { SourceRef } from '../../../checks/data/sources';
import styles from './styles.module.css';

interface Props {
  sources: readonly SourceRef[];
  /** Text before the links, e.g. "Sources: ". */
  label?: string;
}

/** The public sources of one data entry, de-duplicated by URL, as short external links. */
export default function SourceLinks({ sources, label }: Props): React.JSX.Element {
  const seen = new Set<string>();
  const unique = sources.filter((s) => (seen.has(s.url) ? false : (seen.add(s.url), true)));
  return (
    <span className={styles.sources} data-sources="">
      {label}
      {unique.map((s, i) => (
        <React.Fragment key={s.url}>
          {i > 0 ? '; ' : null}
          <a href={s.url} target="_blank" rel="noopener noreferrer" data-source-link="">
            {s.title}
          </a>
        </React.Fragment>
      ))}
    </span>
  );
}

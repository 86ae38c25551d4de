import React from 'react';
import clsx from 'clsx';
import Link from '@docusaurus/Link';
import { useAllDocsData } from '@docusaurus/plugin-content-docs/client';
import { checkDocPath, type CheckId } from './catalogue';
import styles from './styles.module.css';

interface Props {
  /** A check id from the catalogue; anything else fails the typecheck. */
  id: CheckId;
}

/**
 * Names a check by its public id and links to its page when that page exists in this build.
 *
 * The link target is taken from the docs plugin's own list of pages, so it can never be broken;
 * while a check page has not been written yet the id is shown without a link (and says so).
 */
export default function CheckRef({ id }: Props): React.JSX.Element {
  const allDocs = useAllDocsData();
  const wanted = `checks/${id}`;
  let href: string | undefined;
  for (const plugin of Object.values(allDocs)) {
    for (const version of plugin.versions) {
      const doc = version.docs.find((d) => d.id === wanted || d.path.endsWith(checkDocPath(id)));
      if (doc) {
        href = doc.path;
        break;
      }
    }
    if (href) break;
  }
  const code = <code className={styles.id}>{id}</code>;
  if (href) {
    return (
      <Link to={href} className={clsx(styles.link)} data-check-id={id}>
        {code}
      </Link>
    );
  }
  return (
    <span className={styles.pending} data-check-id={id} title="This check's page is not published yet">
      {code}
    </span>
  );
}

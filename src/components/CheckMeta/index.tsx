import React from 'react';
import Link from '@docusaurus/Link';
import CliCommand from '../CliCommand';
import { findCheck, remediationRows, SUITE_COMMAND, SUITE_LABEL, SUITE_SELF_CHECK, templateParts, type CatalogueEntry } from '../../utils/catalogue';
import { useChecksMeta } from './useChecksMeta';
import styles from './styles.module.css';

export type CheckMetaPart = 'summary' | 'messages' | 'remediation' | 'run' | 'sources';

interface Props {
  /** The check id; an id the engine does not have fails the build. */
  id: string;
  part: CheckMetaPart;
}

function Template({ text }: { text: string }): React.JSX.Element {
  return (
    <>
      {templateParts(text).map((p, i) => (p.kind === 'text' ? <React.Fragment key={i}>{p.text}</React.Fragment> : <var key={i} className={styles.var}>{p.name}</var>))}
    </>
  );
}

const SEVERITY_TEXT: Record<CatalogueEntry['severity'], string> = {
  error: 'error: a failure means the bot will not work as intended, or is not safe',
  warning: 'warning: a finding to review, the bot may still work',
  info: 'info: a finding for your records',
};

function Summary({ entry }: { entry: CatalogueEntry }): React.JSX.Element {
  return (
    <div className={styles.summary} data-check-meta={entry.id}>
      <dl className={styles.facts}>
        <dt>Check id</dt>
        <dd><code>{entry.id}</code></dd>
        <dt>Suite</dt>
        <dd>{SUITE_LABEL[entry.suite]}</dd>
        <dt>Severity</dt>
        <dd data-severity={entry.severity}>{SEVERITY_TEXT[entry.severity]}</dd>
        <dt>When it passes</dt>
        <dd>{entry.title}</dd>
        <dt>When it fails</dt>
        <dd>{entry.failureTitle}</dd>
      </dl>
      <p className={styles.description} data-check-description>{entry.description}</p>
    </div>
  );
}

/** The statuses a message can come with are not in the meta; the list shows every message the check can report. */
function Messages({ entry }: { entry: CatalogueEntry }): React.JSX.Element {
  return (
    <ul className={styles.messages} data-check-messages>
      {Object.entries(entry.messages).map(([messageId, text]) => (
        <li key={messageId} data-message-id={messageId}>
          <Template text={text} />
        </li>
      ))}
    </ul>
  );
}

function Remediation({ entry }: { entry: CatalogueEntry }): React.JSX.Element {
  const rows = remediationRows(entry);
  if (rows.length === 0) return <p>This check only informs; there is nothing to fix.</p>;
  return (
    <dl className={styles.remediation} data-check-remediation>
      {rows.map((r) => (
        <React.Fragment key={r.messageId}>
          <dt><span className={styles.when}>When it reports:</span> <Template text={r.message} /></dt>
          <dd><Template text={r.remediation} /></dd>
        </React.Fragment>
      ))}
    </dl>
  );
}

function Run({ entry }: { entry: CatalogueEntry }): React.JSX.Element {
  const page = SUITE_SELF_CHECK[entry.suite];
  return (
    <div data-check-run>
      <CliCommand command={SUITE_COMMAND[entry.suite]} label={`Run the ${SUITE_LABEL[entry.suite].toLowerCase()} suite from the CLI`} />
      {page ? (
        <p>
          Or run it in this site: <Link to={page}>{SUITE_LABEL[entry.suite]} self-check</Link>.
        </p>
      ) : entry.suite === 'credentials' ? (
        <p>This suite runs only from the CLI: it needs the bot&apos;s client secret, which the site and its API never take.</p>
      ) : (
        <p>This suite runs only from the CLI, on the machine the bot runs on: it tests that machine's own network path.</p>
      )}
    </div>
  );
}

function Sources({ entry }: { entry: CatalogueEntry }): React.JSX.Element {
  return (
    <ul data-check-sources>
      {entry.sources.map((s) => (
        <li key={s.url}>
          <a href={s.url}>{s.title}</a>
        </li>
      ))}
    </ul>
  );
}

/**
 * The factual parts of a check's page, rendered from the engine's own meta (checks/core/catalogue.ts)
 * so the page and the check cannot disagree. Hand-written explanation goes around it in the MDX.
 */
export default function CheckMeta({ id, part }: Props): React.JSX.Element {
  const entry = findCheck(useChecksMeta(), id);
  switch (part) {
    case 'summary': return <Summary entry={entry} />;
    case 'messages': return <Messages entry={entry} />;
    case 'remediation': return <Remediation entry={entry} />;
    case 'run': return <Run entry={entry} />;
    case 'sources': return <Sources entry={entry} />;
  }
}

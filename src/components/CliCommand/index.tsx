import React, { useId, useState } from 'react';
import { copyText } from '../../utils/download';
import styles from './styles.module.css';

interface Props {
  command: string;
  /** What the command is, shown above it. */
  label?: string;
}

/** Shell words as the command line quotes them (bare words and '...' parts, which may touch). */
const WORD = /(?:'[^']*'|[^\s'])+/g;
/** Words this long may wrap inside (long URLs); shorter ones, flags like --allow-private, never do. */
const LONG_WORD = 32;

/** A shell command with a Copy button; the result of copying is announced. */
export default function CliCommand({ command, label = 'Equivalent CLI command' }: Props): React.JSX.Element {
  const id = useId();
  const [copied, setCopied] = useState<'' | 'ok' | 'failed'>('');
  const onCopy = async (): Promise<void> => {
    setCopied((await copyText(command)) ? 'ok' : 'failed');
  };
  return (
    <div className={styles.cli} data-cli-command>
      <div className={styles.head}>
        <span id={`${id}-label`} className={styles.label}>{label}</span>
        <button type="button" className="button button--sm button--secondary" onClick={() => void onCopy()} aria-describedby={`${id}-label`}>
          Copy
        </button>
        <span role="status" className={styles.copied}>
          {copied === 'ok' ? 'Copied to the clipboard.' : copied === 'failed' ? 'Copying was refused by the browser; select the command and copy it.' : ''}
        </span>
      </div>
      <pre className={styles.pre} aria-labelledby={`${id}-label`} tabIndex={0}>
        <code>
          {(command.match(WORD) ?? []).map((word, i) => (
            <React.Fragment key={i}>
              {i > 0 ? ' ' : null}
              <span className={word.length > LONG_WORD ? styles.long : styles.word}>{word}</span>
            </React.Fragment>
          ))}
        </code>
      </pre>
    </div>
  );
}

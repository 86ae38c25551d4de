import React, { useEffect, useId, useRef, useState } from 'react';
import clsx from 'clsx';
import Link from '@docusaurus/Link';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import type { CheckResult, Report } from '../../../checks/core/types';
import type { ReportComparison } from '../../../checks/report/compare';
import { humanTime, overallVerdict, plural, shownDetailStatus, STATUS_SYMBOL, targetLabel } from '../../../checks/report/shared';
import ScrollTable from '../ScrollTable';
import SourceLinks from '../SourceLinks';
import StatusBadge from '../StatusBadge';
import { countsSentence } from '../../utils/run-progress';
import { withoutLeadingPath } from '../../utils/findings';
import { downloadText, readPickedFile } from '../../utils/download';
import { loadBrowserEngine } from '../../utils/load-engine';
import { siteDocsBase, type SaveFormat } from '../../utils/report-files';
import styles from './styles.module.css';

interface Props {
  /** The report to show; without one, the view offers to load a saved report. */
  report?: Report;
  /** Heading text (default: "Report"). */
  heading?: string;
  /** Move keyboard focus to the report heading when a new report arrives (after a run). */
  focusOnChange?: boolean;
}

function useCatalogueIds(): ReadonlySet<string> {
  const { siteConfig } = useDocusaurusContext();
  const checks = siteConfig.customFields?.checks;
  return new Set(Array.isArray(checks) ? checks.map((c) => (c as { id: string }).id) : []);
}

const NEEDS_ATTENTION = new Set(['fail', 'error', 'warn']);

function ResultItem({ result, linked, anchor }: { result: CheckResult; linked: boolean; anchor: string }): React.JSX.Element {
  const evidence = JSON.stringify(result.evidence, null, 2);
  const hasEvidence = evidence !== '{}';
  return (
    <li className={clsx(styles.result, styles[`result-${result.status}`])} data-check-id={result.id} data-status={result.status} id={anchor}>
      <div className={styles.resultHead}>
        <StatusBadge status={result.status} />
        <span className={styles.title}>{result.title}</span>
        <code className={styles.id}>{result.id}</code>
      </div>
      <p className={styles.message} data-result-message>{result.message}</p>
      {result.error ? (
        <p className={styles.small}>Error code <code>{result.error.code}</code></p>
      ) : null}
      {result.details && result.details.length > 0 ? (
        <ul className={styles.details} aria-label={`Findings of ${result.id}`} data-result-details>
          {result.details.map((d, i) => {
            const shown = shownDetailStatus(d, result);
            return (
              <li key={i} data-detail-path={d.path ?? ''} {...(shown ? { 'data-detail-status': shown } : {})}>
                {shown ? <StatusBadge status={shown} className={styles.smallBadge} /> : null}{' '}
                {d.path ? <code>{d.path}</code> : null}
                {d.line !== undefined ? <span className={styles.small}> (line {d.line}{d.column !== undefined ? `, column ${d.column}` : ''})</span> : null}
                {d.path || d.line !== undefined ? ': ' : ''}
                {withoutLeadingPath(d.message, d.path)}
              </li>
            );
          })}
        </ul>
      ) : null}
      {result.remediation ? (
        <p className={styles.remediation} data-result-remediation>
          <strong>How to fix: </strong>
          {result.remediation}
        </p>
      ) : null}
      {hasEvidence ? (
        <details className={styles.evidence}>
          <summary>Evidence ({result.id})</summary>
          <pre tabIndex={0} aria-label={`Evidence of ${result.id}`}>{evidence}</pre>
        </details>
      ) : null}
      {result.sources && result.sources.length > 0 ? (
        <div className={styles.sources} data-result-sources>
          <SourceLinks sources={result.sources} label={`${result.sources.length === 1 ? 'Source' : 'Sources'} behind this verdict: `} />
        </div>
      ) : null}
      {linked ? (
        <Link to={`/docs/checks/${result.id}`} className={clsx(styles.docLink)}>
          About the {result.id} check
        </Link>
      ) : null}
    </li>
  );
}

function VerdictBanner({ report }: { report: Report }): React.JSX.Element {
  const verdict = overallVerdict(report);
  return (
    <div className={clsx(styles.verdict, styles[`verdict-${verdict.status}`])} data-overall-verdict={verdict.status}>
      <p className={styles.verdictLabel}>
        <span aria-hidden="true">{STATUS_SYMBOL[verdict.status]}</span> Overall: {verdict.label}
      </p>
      <p className={styles.verdictSentence}>{verdict.sentence}</p>
    </div>
  );
}

function AttentionList({ results, anchorOf }: { results: readonly CheckResult[]; anchorOf: (id: string) => string }): React.JSX.Element | null {
  const rank: Record<string, number> = { fail: 0, error: 1, warn: 2 };
  const shown = results.filter((r) => NEEDS_ATTENTION.has(r.status)).sort((a, b) => (rank[a.status] ?? 9) - (rank[b.status] ?? 9));
  if (shown.length === 0) return null;
  return (
    <section className={styles.attention} aria-label="Needs attention, worst first" data-attention>
      <h4>Needs attention ({plural(shown.length, 'check')}), worst first</h4>
      <ol>
        {shown.map((r) => (
          <li key={r.id} data-check-id={r.id} data-status={r.status}>
            <StatusBadge status={r.status} /> <a href={`#${anchorOf(r.id)}`}>{r.title}</a> <code className={styles.id}>{r.id}</code>
            <div className={styles.small}>{r.message}</div>
          </li>
        ))}
      </ol>
    </section>
  );
}

function ComparisonView({ comparison }: { comparison: ReportComparison }): React.JSX.Element {
  const shown = comparison.changes.filter((c) => c.kind !== 'unchanged');
  const { summary } = comparison;
  return (
    <section className={styles.comparison} aria-label="Comparison of two reports" data-comparison>
      <h4>What changed</h4>
      <p>
        From the run of {humanTime(comparison.before.startedAt)} to the run of {humanTime(comparison.after.startedAt)}:{' '}
        {summary.changed} changed, {summary.added} added, {summary.removed} removed, {summary.unchanged} unchanged.
      </p>
      {shown.length === 0 ? (
        <p>No check changed its status.</p>
      ) : (
        <ScrollTable>
          <thead>
            <tr>
              <th scope="col">Check</th>
              <th scope="col">Earlier</th>
              <th scope="col">Later</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((c) => (
              <tr key={c.id} data-check-id={c.id} data-change-kind={c.kind}>
                <th scope="row"><code>{c.id}</code></th>
                <td data-col="before">{c.before ? <StatusBadge status={c.before} /> : 'not run'}</td>
                <td data-col="after">{c.after ? <StatusBadge status={c.after} /> : 'not run'}</td>
                <td>
                  {c.kind === 'added' ? 'new check' : c.kind === 'removed' ? 'no longer run' : c.improved === true ? 'better' : c.improved === false ? 'worse' : 'changed'}
                  {c.messageAfter && c.kind !== 'removed' ? <div className={styles.small}>{c.messageAfter}</div> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
    </section>
  );
}

interface PendingComparison {
  other: Report;
  fileName: string;
  warning: string;
}

/**
 * Renders a Report (the same JSON the CLI emits): the overall verdict first, then what needs
 * attention (failures first), then each check's status as a symbol and a word, its message,
 * findings, fix, evidence (expandable), sources and a link to its page. Saves the report as
 * JSON, Markdown or a self-contained HTML file, loads a saved one, and compares two runs
 * (after a warning when they are of different suites or targets).
 */
export default function ReportView({ report: given, heading = 'Report', focusOnChange = false }: Props): React.JSX.Element {
  const id = useId();
  const ids = useCatalogueIds();
  const { siteConfig } = useDocusaurusContext();
  const [loaded, setLoaded] = useState<Report | undefined>(undefined);
  const [comparison, setComparison] = useState<ReportComparison | undefined>(undefined);
  const [pending, setPending] = useState<PendingComparison | undefined>(undefined);
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string } | undefined>(undefined);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const report = loaded ?? given;
  const anchorOf = (checkId: string): string => `${id.replace(/[^a-zA-Z0-9_-]/g, '')}-result-${checkId}`;

  useEffect(() => {
    // A new run replaces whatever was loaded or compared before.
    setLoaded(undefined);
    setComparison(undefined);
    setPending(undefined);
    if (given && focusOnChange) headingRef.current?.focus();
  }, [given, focusOnChange]);

  const save = async (format: SaveFormat): Promise<void> => {
    if (!report) return;
    const engine = await loadBrowserEngine();
    const file = engine.reportFile(report, format, siteDocsBase(window.location.origin, siteConfig.baseUrl));
    downloadText(file.name, file.type, file.text);
    setMessage({ kind: 'ok', text: `Saved ${file.name}.` });
  };

  const showComparison = async (other: Report, fileName: string): Promise<void> => {
    if (!report) return;
    const engine = await loadBrowserEngine();
    const [before, after] = engine.chronological(other, report);
    const c = engine.compare(before, after);
    setPending(undefined);
    setComparison(c);
    setMessage({ kind: 'ok', text: `Compared with ${fileName}: ${c.summary.changed} changed, ${c.summary.added} added, ${c.summary.removed} removed.` });
  };

  const pick = async (event: React.ChangeEvent<HTMLInputElement>, purpose: 'load' | 'compare'): Promise<void> => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    try {
      const engine = await loadBrowserEngine();
      const result = engine.loadReport((await readPickedFile(file, 'text')) as string, file.name);
      if (!result.ok) {
        setMessage({ kind: 'error', text: result.error });
        return;
      }
      if (purpose === 'load' || !report) {
        setLoaded(result.report);
        setComparison(undefined);
        setPending(undefined);
        setMessage({ kind: 'ok', text: `Loaded ${file.name}: ${countsSentence(result.report.counts)}.` });
        headingRef.current?.focus();
        return;
      }
      const warning = engine.comparisonMismatch(report, result.report);
      if (warning) {
        setComparison(undefined);
        setPending({ other: result.report, fileName: file.name, warning });
        setMessage(undefined);
        return;
      }
      await showComparison(result.report, file.name);
    } catch (err) {
      setMessage({ kind: 'error', text: (err as Error).message });
    }
  };

  return (
    <section className={styles.report} aria-labelledby={`${id}-h`} data-report-view data-suite={report?.suite ?? ''}>
      <h3 id={`${id}-h`} ref={headingRef} tabIndex={-1} className={styles.heading}>
        {report ? `${heading}: ${targetLabel(report)}` : heading}
      </h3>
      {report ? (
        <>
          <VerdictBanner report={report} />
          <p className={styles.summary} data-report-summary>
            {plural(report.results.length, 'check')}: {countsSentence(report.counts)}. Run {humanTime(report.startedAt)} in {report.durationMs} ms by botflow {report.tool.version}.
          </p>
          {report.notes && report.notes.length ? (
            <ul className={styles.notes}>
              {report.notes.map((n) => <li key={n}>{n}</li>)}
            </ul>
          ) : null}
        </>
      ) : (
        <p>No report yet. Run a check, or load a report saved earlier (JSON from the Save button or <code>--format json</code>).</p>
      )}

      <div className={styles.toolbar} role="group" aria-label="Save, load and compare reports" data-report-toolbar>
        {report ? (
          <>
            <button type="button" className="button button--sm button--primary" onClick={() => void save('json')}>Save JSON</button>
            <button type="button" className="button button--sm button--primary" onClick={() => void save('markdown')}>Save Markdown</button>
            <button type="button" className="button button--sm button--primary" onClick={() => void save('html')}>Download HTML</button>
          </>
        ) : null}
        <label className={styles.fileButton}>
          <span>Load a saved report</span>
          <input type="file" accept=".json,application/json" onChange={(e) => void pick(e, 'load')} data-load-report />
        </label>
        {report ? (
          <label className={styles.fileButton}>
            <span>Compare with another saved report</span>
            <input type="file" accept=".json,application/json" onChange={(e) => void pick(e, 'compare')} data-compare-report />
          </label>
        ) : null}
      </div>
      <div role="status" className={message?.kind === 'error' ? styles.error : styles.ok} data-report-message>
        {message?.text ?? ''}
      </div>

      {pending ? (
        <div className={styles.compareWarning} role="alert" data-compare-warning>
          <p><strong>These reports may not be comparable.</strong> {pending.warning}</p>
          <div className={styles.toolbar}>
            <button type="button" className="button button--sm button--secondary" onClick={() => void showComparison(pending.other, pending.fileName)}>Compare anyway</button>
            <button type="button" className="button button--sm button--secondary" onClick={() => setPending(undefined)}>Cancel</button>
          </div>
        </div>
      ) : null}

      {comparison ? <ComparisonView comparison={comparison} /> : null}

      {report ? (
        <>
          <AttentionList results={report.results} anchorOf={anchorOf} />
          <h4 className={styles.allHeading}>All results ({plural(report.results.length, 'check')})</h4>
          <ul className={styles.results} aria-label="Results per check">
            {report.results.map((r) => <ResultItem key={r.id} result={r} linked={ids.has(r.id)} anchor={anchorOf(r.id)} />)}
          </ul>
        </>
      ) : null}
    </section>
  );
}

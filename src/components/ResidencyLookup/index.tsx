import React, { useId, useRef, useState } from 'react';
import BrowserOnly from '@docusaurus/BrowserOnly';
import type { Report } from '../../../checks/core/types';
import type { ServiceUrlAnalysis } from '../../../checks/residency/service-url';
import CliCommand from '../CliCommand';
import ReportView from '../ReportView';
import { residencyCommand } from '../../utils/cli-command';
import { loadBrowserEngine } from '../../utils/load-engine';
import styles from '../widgets.module.css';

function ResidencyForm(): React.JSX.Element {
  const id = useId();
  const [serviceUrl, setServiceUrl] = useState('');
  const [error, setError] = useState('');
  const [analysis, setAnalysis] = useState<ServiceUrlAnalysis | undefined>(undefined);
  const [report, setReport] = useState<Report | undefined>(undefined);
  const inputRef = useRef<HTMLInputElement>(null);

  const onSubmit = async (event: React.FormEvent): Promise<void> => {
    event.preventDefault();
    const value = serviceUrl.trim();
    if (!value) {
      setError('Paste the serviceUrl of an incoming activity, e.g. https://smba.trafficmanager.net/emea/.');
      inputRef.current?.focus();
      return;
    }
    setError('');
    try {
      const engine = await loadBrowserEngine();
      setAnalysis(engine.analyzeServiceUrl(value));
      setReport(await engine.runChecks({ suite: engine.residencySuite, environment: 'browser', input: { serviceUrl: value } }));
    } catch (err) {
      setError(`The lookup failed: ${(err as Error).message}`);
    }
  };

  return (
    <div className={styles.widget} data-widget="residency-lookup">
      <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label="serviceUrl lookup">
        <div className={styles.field}>
          <label htmlFor={`${id}-url`}>serviceUrl of an incoming activity</label>
          <input
            ref={inputRef}
            id={`${id}-url`}
            type="url"
            autoComplete="off"
            spellCheck={false}
            placeholder="https://smba.trafficmanager.net/emea/"
            value={serviceUrl}
            onChange={(e) => setServiceUrl(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
          />
          <span id={`${id}-hint`} className={styles.hint}>Looked up inside this page; nothing is sent anywhere.</span>
          {error ? <span id={`${id}-error`} className={styles.fieldError} data-field-error="serviceUrl">{error}</span> : null}
        </div>
        <button type="submit" className="button button--primary">Look up</button>
      </form>
      <div role="status" aria-live="polite" data-residency-answer>
        {analysis ? (
          <dl className={styles.facts}>
            <dt>Host</dt>
            <dd><code>{analysis.host ?? 'not a URL'}</code>{analysis.recognized ? ' (a Teams serviceUrl host)' : ' (not a recognised Teams serviceUrl)'}</dd>
            <dt>Cloud</dt>
            <dd data-cloud={analysis.cloud ?? ''}>{analysis.cloudName ?? 'unknown'}</dd>
            <dt>Region</dt>
            <dd data-region={analysis.region ?? ''}>{analysis.regionName ?? (analysis.region ? `${analysis.region} (not documented)` : 'none in the URL')}</dd>
          </dl>
        ) : null}
      </div>
      <CliCommand command={residencyCommand(serviceUrl)} />
      {report ? <ReportView report={report} heading="Residency report" /> : null}
    </div>
  );
}

/** serviceUrl -> cloud, region and data path, computed in the page. */
export default function ResidencyLookup(): React.JSX.Element {
  return (
    <BrowserOnly fallback={<p>The lookup runs in your browser and needs JavaScript. Run <code>npx botflow residency &lt;serviceUrl&gt;</code> instead.</p>}>
      {() => <ResidencyForm />}
    </BrowserOnly>
  );
}

import React, { useEffect, useId, useRef, useState } from 'react';
import type { Report } from '../../../checks/core/types';
import type { ServiceUrlAnalysis } from '../../../checks/residency/service-url';
import CliCommand from '../CliCommand';
import { inBrowser } from '../InBrowser';
import FormField from '../FormField';
import ReportView from '../ReportView';
import { useUrlInputs } from '../UrlInputs/useUrlInputs';
import { residencyCommand } from '../../utils/cli-command';
import { EXAMPLE_SERVICE_URL } from '../../utils/examples';
import { loadBrowserEngine } from '../../utils/load-engine';
import { URL_PARAMS } from '../../utils/url-inputs';
import styles from '../widgets.module.css';

function ResidencyForm(): React.JSX.Element {
  const id = useId();
  const { initial, record } = useUrlInputs(URL_PARAMS.residency);
  const [serviceUrl, setServiceUrl] = useState(initial.serviceUrl ?? '');
  const [error, setError] = useState('');
  const [analysis, setAnalysis] = useState<ServiceUrlAnalysis | undefined>(undefined);
  const [report, setReport] = useState<Report | undefined>(undefined);
  const inputRef = useRef<HTMLInputElement>(null);

  const lookUp = async (raw: string): Promise<void> => {
    const value = raw.trim();
    if (!value) {
      setError('Paste the serviceUrl of an incoming activity, e.g. https://smba.trafficmanager.net/emea/.');
      inputRef.current?.focus();
      return;
    }
    setError('');
    record({ serviceUrl: value });
    try {
      const engine = await loadBrowserEngine();
      setAnalysis(engine.analyzeServiceUrl(value));
      setReport(await engine.runChecks({ suite: engine.residencySuite, environment: 'browser', input: { serviceUrl: value } }));
    } catch (err) {
      setError(`The lookup failed: ${(err as Error).message}`);
    }
  };

  // A shared link looks the serviceUrl up again (in the page; nothing is sent anywhere).
  useEffect(() => {
    if (initial.serviceUrl) void lookUp(initial.serviceUrl);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <div className={styles.widget} data-widget="residency-lookup">
      <form onSubmit={(e) => { e.preventDefault(); void lookUp(serviceUrl); }} noValidate aria-label="serviceUrl lookup">
        <FormField
          ref={inputRef}
          id={`${id}-url`}
          name="serviceUrl"
          type="url"
          inputMode="url"
          label="serviceUrl of an incoming activity"
          placeholder="https://smba.trafficmanager.net/emea/"
          hint="Looked up inside this page; nothing is sent anywhere."
          value={serviceUrl}
          onChange={setServiceUrl}
          error={error}
        />
        <div className={styles.actions}>
          <button type="submit" className="button button--primary">Look up</button>
          <button type="button" className="button button--secondary" onClick={() => { setServiceUrl(EXAMPLE_SERVICE_URL); void lookUp(EXAMPLE_SERVICE_URL); }} data-load-example>
            Load example
          </button>
        </div>
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
const ResidencyLookup = inBrowser(ResidencyForm, 'The lookup', 'botflow residency <serviceUrl>');
export default ResidencyLookup;

import { useCallback, useMemo } from 'react';
import { useHistory, useLocation } from '@docusaurus/router';
import { readInputs, writeInputs } from '../../utils/url-inputs';

/**
 * A widget's inputs in the page address: `initial` holds what the address carried when the page
 * opened (to fill the form), `record` writes the inputs of a run into the address (replacing the
 * history entry, so Back still leaves the page), so the link shares the run.
 */
export function useUrlInputs<K extends string>(names: Readonly<Record<K, string>>): {
  initial: Partial<Record<K, string>>;
  record(values: Partial<Record<K, string>>): void;
} {
  const location = useLocation();
  const history = useHistory();
  // Read once per page: later edits of the address by `record` must not refill the form.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const initial = useMemo(() => readInputs(location.search, names), [location.pathname]);
  const record = useCallback((values: Partial<Record<K, string>>) => {
    const search = writeInputs(window.location.search, names, values);
    if (search !== window.location.search) history.replace({ pathname: window.location.pathname, search, hash: window.location.hash });
  }, [history, names]);
  return { initial, record };
}

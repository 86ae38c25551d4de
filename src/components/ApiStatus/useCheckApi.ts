import { useCallback, useRef, useState } from 'react';
import { checkApiHealth, type ApiAvailability } from '../../utils/check-api';
import type { ApiState } from './index';

/**
 * Finds out, once, whether the check API is there. It asks only when called (the widget calls it
 * when the reader first focuses or submits the form), so merely viewing a page on a static host
 * makes no failing request.
 */
export function useCheckApi(): { api: ApiState; ensure: () => Promise<ApiAvailability> } {
  const [api, setApi] = useState<ApiState>({ state: 'unknown' });
  const pending = useRef<Promise<ApiAvailability> | undefined>(undefined);
  const ensure = useCallback((): Promise<ApiAvailability> => {
    if (!pending.current) {
      setApi({ state: 'checking' });
      pending.current = checkApiHealth((input, init) => fetch(input, init)).then((result) => {
        setApi({ state: 'known', ...result });
        return result;
      });
    }
    return pending.current;
  }, []);
  return { api, ensure };
}

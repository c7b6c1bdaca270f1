import { useEffect } from 'react';
import { useWidgetState } from '../../state/useWidgetState';
import { APRIORI_SCHEMA } from './aprioriSchema';
import { miningSession } from './miningStore';

/**
 * The shared state of the Apriori widgets with one id: the URL settings, the mining session
 * (worker, result, selection) and a request for the current settings' result.
 */
export function useMining(id: string) {
  const [state, setState] = useWidgetState(id, APRIORI_SCHEMA);
  const session = miningSession(id);
  const view = session.store.use();
  const { example, stopWords, josa, format, minSupport, minConfidence } = state;
  const customVersion = view.custom?.version ?? 0;
  useEffect(() => {
    session.ensure({
      example,
      tokens: { stopWords, josa },
      format,
      minSupport,
      minConfidence,
    });
  }, [session, example, stopWords, josa, format, minSupport, minConfidence, customVersion]);
  return { state, setState, session, view };
}

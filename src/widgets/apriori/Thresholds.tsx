import { defineStrings } from '../../i18n/defineStrings';
import { useStrings } from '../../i18n/useLang';
import type { SetWidgetState } from '../../state/useWidgetState';
import type { StateOf } from '../../state/schema';
import { ParamSlider } from '../../ui/ParamSlider';
import { APRIORI_SCHEMA } from './aprioriSchema';

const strings = defineStrings(
  'aprioriThresholds',
  {
    group: '최소 지지도와 최소 신뢰도',
    minSupport: '최소 지지도',
    minConfidence: '최소 신뢰도',
  },
  {
    group: 'Minimum support and confidence',
    minSupport: 'minimum support',
    minConfidence: 'minimum confidence',
  },
);

/** The two thresholds; changing them mines again (debounced, in the worker). */
export function Thresholds({
  state,
  setState,
}: {
  state: StateOf<typeof APRIORI_SCHEMA>;
  setState: SetWidgetState<typeof APRIORI_SCHEMA>;
}) {
  const t = useStrings(strings);
  return (
    <div className="widget-controls apriori-thresholds" role="group" aria-label={t.group}>
      <ParamSlider
        param={APRIORI_SCHEMA.minSupport}
        value={state.minSupport}
        label={t.minSupport}
        digits={3}
        onChange={(minSupport) => setState({ minSupport })}
      />
      <ParamSlider
        param={APRIORI_SCHEMA.minConfidence}
        value={state.minConfidence}
        label={t.minConfidence}
        digits={2}
        onChange={(minConfidence) => setState({ minConfidence })}
      />
    </div>
  );
}

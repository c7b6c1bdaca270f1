import { scaleDivergingLog, scaleLinear, interpolateRdBu } from 'd3';
import { useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { formatMeasure } from '../../core/apriori';
import { defineStrings, format } from '../../i18n/defineStrings';
import { useStrings } from '../../i18n/useLang';
import { select } from '../../ui/d3';
import { formatNumber } from '../../ui/format';
import { useMotionDuration } from '../../ui/motion';
import type { MinedRule } from './engine';
import { ruleKey } from './miningStore';
import { liftDomain, ruleText, scatterRules, countText } from './rulesModel';

const strings = defineStrings(
  'aprioriScatter',
  {
    label:
      '규칙 산점도: 가로축 지지도, 세로축 신뢰도, 색은 향상도. 화살표 키로 규칙을 옮겨 다니고 Enter로 고릅니다.',
    x: '지지도',
    y: '신뢰도',
    legend: '향상도',
    point: '{rule}: 지지도 {support}, 신뢰도 {confidence}, 향상도 {lift}',
    limited: '향상도가 높은 규칙 {shown}개만 그렸습니다 (전체 {total}개는 표에 있습니다).',
  },
  {
    label:
      'Rule scatter plot: support across, confidence up, colour is lift. Arrow keys move between rules, Enter selects one.',
    x: 'support',
    y: 'confidence',
    legend: 'lift',
    point: '{rule}: support {support}, confidence {confidence}, lift {lift}',
    limited:
      'Only the {shown} rules with the highest lift are drawn (the table lists all {total}).',
  },
);

const HEIGHT = 300;
const MARGIN = { top: 12, right: 16, bottom: 40, left: 54 };

/** Support × confidence, coloured by lift; click or Enter on a point selects its rule. */
export function RulesScatter({
  rules,
  selected,
  onSelect,
  width,
}: {
  rules: readonly MinedRule[];
  selected: string | null;
  onSelect: (key: string) => void;
  width: number;
}) {
  const t = useStrings(strings);
  const gradientId = useId().replace(/[^\w-]/g, '');
  const ref = useRef<SVGSVGElement>(null);
  const duration = useMotionDuration(300);
  const points = useMemo(() => scatterRules(rules), [rules]);
  const [focus, setFocus] = useState(0);
  const innerW = Math.max(120, width - MARGIN.left - MARGIN.right);
  const innerH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const { x, y, color, domain } = useMemo(() => {
    const maxSupport = Math.max(0.01, ...points.map((r) => r.support));
    const minConfidence = Math.min(1, ...points.map((r) => r.confidence));
    const domain = liftDomain(points);
    return {
      x: scaleLinear()
        .domain([0, maxSupport * 1.05])
        .range([0, innerW])
        .nice(),
      y: scaleLinear()
        .domain([Math.max(0, Math.floor(minConfidence * 10) / 10 - 0.05), 1])
        .range([innerH, 0]),
      color: scaleDivergingLog<string>(interpolateRdBu).domain(domain),
      domain,
    };
  }, [points, innerW, innerH]);
  const selectedIndex = points.findIndex((r) => ruleKey(r) === selected);
  const active = Math.min(points.length - 1, selectedIndex >= 0 ? selectedIndex : focus);

  // d3 moves the points to their new places when the rules change.
  useLayoutEffect(() => {
    if (!ref.current || duration === 0) return;
    select(ref.current)
      .selectAll<SVGCircleElement, unknown>('circle.apriori-point')
      .attr('r', 0)
      .transition()
      .duration(duration)
      .attr('r', function () {
        return (this as SVGCircleElement).dataset.selected === 'true' ? 8 : 5;
      });
  }, [points, duration]);

  const describe = (rule: MinedRule) =>
    format(t.point, {
      rule: ruleText(rule),
      support: formatMeasure(rule.support, 3),
      confidence: formatMeasure(rule.confidence, 3),
      lift: formatMeasure(rule.lift, 3),
    });

  const onKey = (event: KeyboardEvent<SVGElement>, index: number) => {
    let next = index;
    if (event.key === 'ArrowRight' || event.key === 'ArrowUp') next = index + 1;
    else if (event.key === 'ArrowLeft' || event.key === 'ArrowDown') next = index - 1;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = points.length - 1;
    else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect(ruleKey(points[index]!));
      return;
    } else return;
    event.preventDefault();
    next = Math.max(0, Math.min(points.length - 1, next));
    setFocus(next);
    const circles = ref.current?.querySelectorAll<SVGCircleElement>('circle.apriori-point');
    circles?.[next]?.focus();
  };

  const ticks = [domain[0], Math.sqrt(domain[0]), 1, Math.sqrt(domain[2]), domain[2]];
  const legendW = Math.min(220, innerW);

  return (
    <figure className="apriori-scatter" data-testid="apriori-scatter">
      <svg
        ref={ref}
        width={width}
        height={HEIGHT + 44}
        viewBox={`0 0 ${width} ${HEIGHT + 44}`}
        role="group"
        aria-label={t.label}
        data-own-keys=""
      >
        <defs>
          <linearGradient id={gradientId}>
            {[0, 0.25, 0.5, 0.75, 1].map((f) => (
              <stop
                key={f}
                offset={f}
                stopColor={color(Math.exp(Math.log(domain[0]) * (1 - f) + Math.log(domain[2]) * f))}
              />
            ))}
          </linearGradient>
        </defs>
        <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
          {x.ticks(5).map((v) => (
            <g key={`x${v}`} transform={`translate(${x(v)},${innerH})`} className="apriori-tick">
              <line y2={5} />
              <text y={18} textAnchor="middle">
                {formatNumber(v, 3)}
              </text>
            </g>
          ))}
          {y.ticks(5).map((v) => (
            <g key={`y${v}`} transform={`translate(0,${y(v)})`} className="apriori-tick">
              <line x2={-5} />
              <line x2={innerW} className="apriori-grid" />
              <text x={-8} dy="0.32em" textAnchor="end">
                {formatNumber(v, 2)}
              </text>
            </g>
          ))}
          <line className="apriori-axis" x1={0} x2={innerW} y1={innerH} y2={innerH} />
          <line className="apriori-axis" x1={0} x2={0} y1={0} y2={innerH} />
          <text className="apriori-axis-label" x={innerW / 2} y={innerH + 34} textAnchor="middle">
            {t.x}
          </text>
          <text
            className="apriori-axis-label"
            transform={`translate(${-40},${innerH / 2}) rotate(-90)`}
            textAnchor="middle"
          >
            {t.y}
          </text>
          {points.map((rule, index) => {
            const key = ruleKey(rule);
            const isSelected = key === selected;
            return (
              <circle
                key={key}
                className="apriori-point"
                data-rule={ruleText(rule)}
                data-selected={String(isSelected)}
                cx={x(rule.support)}
                cy={y(rule.confidence)}
                r={isSelected ? 8 : 5}
                fill={color(rule.lift > 0 ? rule.lift : domain[0])}
                role="button"
                tabIndex={index === active ? 0 : -1}
                aria-label={describe(rule)}
                aria-pressed={isSelected}
                onClick={() => {
                  setFocus(index);
                  onSelect(key);
                }}
                onKeyDown={(e) => onKey(e, index)}
              >
                <title>{describe(rule)}</title>
              </circle>
            );
          })}
        </g>
        <g
          transform={`translate(${MARGIN.left},${HEIGHT + 6})`}
          className="apriori-lift-legend"
          aria-hidden="true"
        >
          <text x={0} y={10}>
            {t.legend}
          </text>
          <rect x={48} y={0} width={legendW - 48} height={12} fill={`url(#${gradientId})`} />
          {ticks.map((v, i) => (
            <text
              key={i}
              x={48 + ((legendW - 48) * i) / (ticks.length - 1)}
              y={28}
              textAnchor="middle"
            >
              {formatNumber(v, v < 1 ? 2 : 1)}
            </text>
          ))}
        </g>
      </svg>
      {points.length < rules.length && (
        <figcaption className="muted apriori-small">
          {format(t.limited, {
            shown: countText(points.length),
            total: countText(rules.length),
          })}
        </figcaption>
      )}
    </figure>
  );
}

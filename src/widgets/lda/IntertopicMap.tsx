import { useRef, type KeyboardEvent } from 'react';
import { defineStrings, format } from '../../i18n/defineStrings';
import { useStrings } from '../../i18n/useLang';
import { formatNumber } from '../../ui/format';
import { TOPIC_STROKE, TOPIC_TEXT, topicColor } from './palette';
import { mapCircles } from './ldaView';

const strings = defineStrings(
  'ldaIntertopicMap',
  {
    heading: '토픽 간 거리 지도',
    caption:
      '원 하나가 토픽 하나입니다. 두 토픽의 단어 분포 사이 젠슨–섀넌 거리를 고전적 다차원 척도법(MDS)으로 평면에 옮겼고, 원의 넓이는 말뭉치에서 그 토픽이 차지하는 비율입니다. 원을 고르거나 화살표 키로 옮겨 다니세요.',
    map: '토픽 지도. 화살표 키로 토픽을 고릅니다.',
    circle: '토픽 {t}, 비율 {share}%',
  },
  {
    heading: 'Intertopic distance map',
    caption:
      "Each circle is a topic. The Jensen–Shannon distances between the topics' word distributions are laid out in the plane by classical multidimensional scaling (MDS); a circle's area is the topic's share of the corpus. Pick a circle, or move between them with the arrow keys.",
    map: 'Topic map. Arrow keys pick a topic.',
    circle: 'Topic {t}, share {share}%',
  },
);

const SIZE = 320;

export function IntertopicMap({
  map,
  prevalence,
  selected,
  onSelect,
}: {
  map: ArrayLike<number>;
  prevalence: ArrayLike<number>;
  selected: number;
  onSelect: (t: number) => void;
}) {
  const t = useStrings(strings);
  const k = prevalence.length;
  const circles = mapCircles(map, prevalence, k, SIZE);
  const refs = useRef<(SVGGElement | null)[]>([]);
  const move = (to: number) => {
    const next = (to + k) % k;
    onSelect(next);
    refs.current[next]?.focus();
  };
  const onKey = (event: KeyboardEvent<SVGGElement>, topic: number) => {
    if (event.key === 'ArrowRight' || event.key === 'ArrowDown') move(topic + 1);
    else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') move(topic - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(k - 1);
    else if (event.key === 'Enter' || event.key === ' ') onSelect(topic);
    else return;
    event.preventDefault();
  };
  // Larger circles first, so small ones stay on top and clickable.
  const order = [...circles].sort((a, b) => b.r - a.r);
  return (
    <figure className="lda-map">
      <h4>{t.heading}</h4>
      <svg
        viewBox={`0 0 ${SIZE} ${SIZE}`}
        role="radiogroup"
        aria-label={t.map}
        data-testid="lda-map"
        data-own-keys
      >
        <line x1={SIZE / 2} x2={SIZE / 2} y1={8} y2={SIZE - 8} className="lda-map-axis" />
        <line y1={SIZE / 2} y2={SIZE / 2} x1={8} x2={SIZE - 8} className="lda-map-axis" />
        {order.map((c) => (
          <g
            key={c.topic}
            ref={(el) => {
              refs.current[c.topic] = el;
            }}
            role="radio"
            aria-checked={c.topic === selected}
            aria-label={format(t.circle, {
              t: c.topic + 1,
              share: formatNumber(100 * prevalence[c.topic]!, 1),
            })}
            tabIndex={c.topic === selected ? 0 : -1}
            className="lda-map-topic"
            data-topic={c.topic}
            onClick={() => onSelect(c.topic)}
            onKeyDown={(e) => onKey(e, c.topic)}
          >
            <circle
              cx={c.x}
              cy={c.y}
              r={c.r}
              fill={topicColor(c.topic)}
              fillOpacity={0.7}
              stroke={TOPIC_STROKE}
              strokeWidth={c.topic === selected ? 3 : 1}
            />
          </g>
        ))}
        {/* Labels above every circle, so overlapping topics keep their numbers visible. */}
        <g aria-hidden="true">
          {circles.map((c) => (
            <text
              key={c.topic}
              x={c.x}
              y={c.y}
              dy="0.35em"
              textAnchor="middle"
              fill={TOPIC_TEXT}
              fontWeight={700}
              paintOrder="stroke"
              stroke="#ffffff"
              strokeWidth={3}
            >
              {c.topic + 1}
            </text>
          ))}
        </g>
      </svg>
      <figcaption className="muted">{t.caption}</figcaption>
    </figure>
  );
}

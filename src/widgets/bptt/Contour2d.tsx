import { useRef, type PointerEvent } from 'react';
import { ExportMenu } from '../../ui/export/ExportMenu';
import { BOWL_KAPPA, levelEllipse } from './gradientDescent';

const W = 3.2;
const H = 1.8;
const LEVELS = [0.1, 0.4, 1, 2, 3.5, 5.5, 8];

/** The data point (y up) under a pointer event, through the SVG's own screen transform. */
function dataPoint(svg: SVGSVGElement, event: PointerEvent): { x: number; y: number } | null {
  const toScreen = svg.getScreenCTM?.();
  if (!toScreen) return null;
  const p = new DOMPoint(event.clientX, event.clientY).matrixTransform(toScreen.inverse());
  return { x: p.x, y: -p.y };
}

/**
 * The contour map of f(x, y) = x² + κ y² with the points gradient descent visits (an SVG in
 * data units; the ellipses are exact level sets, so no contouring library is needed). With
 * `onStart`, pressing or dragging on the map moves the start point.
 */
export function Contour2d({
  points,
  current,
  label,
  onStart,
}: {
  points: readonly { x: number; y: number }[];
  current: number;
  label: string;
  onStart?: (start: { x: number; y: number }) => void;
}) {
  const shown = points.slice(0, current + 1);
  const inside = shown.filter((p) => Math.abs(p.x) <= W && Math.abs(p.y) <= H);
  const last = shown[shown.length - 1];
  const start = points[0];
  const svgRef = useRef<SVGSVGElement>(null);
  const dragging = useRef(false);
  const moveStart = (event: PointerEvent<SVGSVGElement>) => {
    const p = dataPoint(event.currentTarget, event);
    if (p && onStart) onStart(p);
  };
  return (
    <>
      <svg
        ref={svgRef}
        className={onStart ? 'gd-contour gd-contour-draggable' : 'gd-contour'}
        viewBox={`${-W} ${-H} ${2 * W} ${2 * H}`}
        role="img"
        aria-label={label}
        data-points={shown.length}
        data-start={start ? `${start.x},${start.y}` : undefined}
        onPointerDown={(event) => {
          if (!onStart || event.button !== 0) return;
          dragging.current = true;
          event.currentTarget.setPointerCapture?.(event.pointerId);
          moveStart(event);
        }}
        onPointerMove={(event) => {
          if (dragging.current) moveStart(event);
        }}
        onPointerUp={() => {
          dragging.current = false;
        }}
        onPointerCancel={() => {
          dragging.current = false;
        }}
      >
        {LEVELS.map((c) => {
          const { a, b } = levelEllipse(c, BOWL_KAPPA);
          return <ellipse key={c} cx={0} cy={0} rx={a} ry={b} className="gd-level" />;
        })}
        <line x1={-W} y1={0} x2={W} y2={0} className="gd-axis" />
        <line x1={0} y1={-H} x2={0} y2={H} className="gd-axis" />
        <polyline points={inside.map((p) => `${p.x},${-p.y}`).join(' ')} className="gd-path" />
        {inside.map((p, k) => (
          <circle key={k} cx={p.x} cy={-p.y} r={0.045} className="gd-dot" />
        ))}
        {start && Math.abs(start.x) <= W && Math.abs(start.y) <= H ? (
          <circle cx={start.x} cy={-start.y} r={0.07} className="gd-start" />
        ) : null}
        {last && Math.abs(last.x) <= W && Math.abs(last.y) <= H ? (
          <circle cx={last.x} cy={-last.y} r={0.09} className="gd-now" />
        ) : null}
      </svg>
      <div className="figure-tools">
        <ExportMenu
          target={svgRef}
          name={label}
          filename={`gradient-descent-contour-${shown.length}`}
        />
      </div>
    </>
  );
}

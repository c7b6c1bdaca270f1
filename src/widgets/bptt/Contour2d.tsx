import { useRef } from 'react';
import { ExportMenu } from '../../ui/export/ExportMenu';
import { BOWL_KAPPA, levelEllipse } from './gradientDescent';

const W = 3.2;
const H = 1.8;
const LEVELS = [0.1, 0.4, 1, 2, 3.5, 5.5, 8];

/**
 * The contour map of f(x, y) = x² + κ y² with the points gradient descent visits (an SVG in
 * data units; the ellipses are exact level sets, so no contouring library is needed).
 */
export function Contour2d({
  points,
  current,
  label,
}: {
  points: readonly { x: number; y: number }[];
  current: number;
  label: string;
}) {
  const shown = points.slice(0, current + 1);
  const inside = shown.filter((p) => Math.abs(p.x) <= W && Math.abs(p.y) <= H);
  const last = shown[shown.length - 1];
  const svgRef = useRef<SVGSVGElement>(null);
  return (
    <>
      <svg
        ref={svgRef}
        className="gd-contour"
        viewBox={`${-W} ${-H} ${2 * W} ${2 * H}`}
        role="img"
        aria-label={label}
        data-points={shown.length}
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

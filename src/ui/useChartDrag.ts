import { useRef } from 'react';

/**
 * Pressing or dragging on a LineChart (not merely hovering over it) moves a value: spread
 * `boxProps` on an element around the chart and pass `onPointerX` to the chart.
 */
export function useChartDrag(onDrag: (x: number) => void) {
  const pressed = useRef(false);
  const release = () => {
    pressed.current = false;
  };
  return {
    boxProps: {
      onPointerDownCapture: () => {
        pressed.current = true;
      },
      onPointerUp: release,
      onPointerCancel: release,
      onPointerLeave: release,
    },
    onPointerX: (x: number | null) => {
      if (pressed.current && x !== null) onDrag(x);
    },
  };
}

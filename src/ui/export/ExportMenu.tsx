import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import { defineStrings, format } from '../../i18n/defineStrings';
import { useStrings } from '../../i18n/useLang';
import { downloadBlob, exportFigure, PNG_SCALE, type ExportFormat } from './exportFigure';
import { EXPORT_IGNORE_ATTR } from './serialize';
import './export.css';

const strings = defineStrings(
  'exportMenu',
  {
    toggle: '내보내기',
    toggleLabel: '그림 내보내기: {name}',
    formats: '파일 형식',
    svg: 'SVG (벡터)',
    png: 'PNG ({scale}배 해상도)',
    working: '파일을 만드는 중…',
    saved: '{file} 파일을 저장했습니다.',
    failed: '그림을 파일로 만들지 못했습니다: {reason}',
  },
  {
    toggle: 'Export',
    toggleLabel: 'Export figure: {name}',
    formats: 'File format',
    svg: 'SVG (vector)',
    png: 'PNG ({scale}× resolution)',
    working: 'Making the file…',
    saved: 'Saved {file}.',
    failed: 'Could not turn the figure into a file: {reason}',
  },
);

/** Exports the figure in `target` as it is now: its numbers, colours and fonts. */
export function useExport(target: RefObject<Element | null>, name: string) {
  const [status, setStatus] = useState<{
    kind: 'idle' | 'working' | 'saved' | 'failed';
    text?: string;
  }>({
    kind: 'idle',
  });
  const run = async (kind: ExportFormat) => {
    const root = target.current;
    if (!root) return;
    setStatus({ kind: 'working' });
    try {
      const file = await exportFigure(root, name, kind);
      downloadBlob(file.blob, file.filename);
      setStatus({ kind: 'saved', text: file.filename });
    } catch (error) {
      setStatus({ kind: 'failed', text: error instanceof Error ? error.message : String(error) });
    }
  };
  return { status, run };
}

export interface ExportMenuProps {
  /** The figure: an <svg>, or a box holding SVGs and their HTML labels. */
  target: RefObject<Element | null>;
  /** Names the figure in the button's label (and the file, unless `filename` is given). */
  name: string;
  /** A short file name stem, e.g. `lstm-cell-t2` (default: from `name`). */
  filename?: string;
  className?: string;
}

/**
 * A small "Export" disclosure with SVG and PNG. Escape or a click elsewhere closes it; the
 * result is announced. It never becomes part of what it exports.
 */
export function ExportMenu({ target, name, filename, className }: ExportMenuProps) {
  const t = useStrings(strings);
  const panelId = useId();
  const [open, setOpen] = useState(false);
  const boxRef = useRef<HTMLDivElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const { status, run } = useExport(target, filename ?? name);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!boxRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const choose = (kind: ExportFormat) => {
    setOpen(false);
    toggleRef.current?.focus();
    void run(kind);
  };
  const message =
    status.kind === 'working'
      ? t.working
      : status.kind === 'saved'
        ? format(t.saved, { file: status.text ?? '' })
        : status.kind === 'failed'
          ? format(t.failed, { reason: status.text ?? '' })
          : '';

  return (
    <div
      ref={boxRef}
      className={['export-menu', className ?? ''].filter(Boolean).join(' ')}
      {...{ [EXPORT_IGNORE_ATTR]: '' }}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          setOpen(false);
          toggleRef.current?.focus();
        }
      }}
    >
      <button
        ref={toggleRef}
        type="button"
        className="export-toggle"
        aria-expanded={open}
        aria-controls={panelId}
        // The name stays "Export"; which figure it exports is the description (title).
        title={format(t.toggleLabel, { name })}
        disabled={status.kind === 'working'}
        onClick={() => setOpen((o) => !o)}
      >
        <span aria-hidden="true">⤓</span> {t.toggle}
      </button>
      <div id={panelId} className="export-panel" role="group" aria-label={t.formats} hidden={!open}>
        <button type="button" data-format="svg" onClick={() => choose('svg')}>
          {t.svg}
        </button>
        <button type="button" data-format="png" onClick={() => choose('png')}>
          {format(t.png, { scale: PNG_SCALE })}
        </button>
      </div>
      {/* A polite live region (not role="status", so a widget's own status stays unique). */}
      <span className="export-status" aria-live="polite" aria-atomic="true" data-kind={status.kind}>
        {status.kind === 'failed' ? message : <span className="export-sr">{message}</span>}
      </span>
    </div>
  );
}

import { useId, useRef, useState } from 'react';
import { defineStrings, format } from '../i18n/defineStrings';
import { useStrings } from '../i18n/useLang';
import {
  exportProgress,
  importProgress,
  resetProgress,
  useProgress,
  type ImportError,
} from '../exercises/progress';

const strings = defineStrings(
  'progressTools',
  {
    title: '내 진도',
    note: '푼 문제는 이 브라우저에만 저장됩니다. 다른 기기로 옮기려면 파일로 내보낸 뒤 가져오세요.',
    export: '진도 내보내기 (JSON)',
    import: '진도 가져오기',
    reset: '진도 초기화',
    confirm: '이 브라우저에 저장된 진도를 모두 지울까요? 되돌릴 수 없습니다.',
    confirmYes: '예, 모두 지웁니다',
    cancel: '취소',
    exported: '진도를 파일로 내보냈습니다.',
    imported: '문제 {n}개의 기록을 가져왔습니다.',
    importedSkipped:
      '문제 {n}개의 기록을 가져왔고, 읽을 수 없는 항목 {skipped}개는 건너뛰었습니다.',
    wasReset: '진도를 초기화했습니다.',
    tooLarge: '파일이 너무 큽니다. Gatebook에서 내보낸 진도 파일을 골라 주세요.',
    notJson: 'JSON 파일이 아닙니다. Gatebook에서 내보낸 진도 파일을 골라 주세요.',
    notProgress: 'Gatebook 진도 파일이 아닙니다.',
    newerVersion:
      '더 새로운 버전의 Gatebook에서 만든 파일입니다. 페이지를 새로 고친 뒤 다시 시도해 주세요.',
    badLessons: '진도 파일의 내용이 손상되었습니다.',
    empty: '이 파일에는 가져올 기록이 없습니다.',
    readFailed: '파일을 읽지 못했습니다.',
    nothing: '아직 푼 문제가 없습니다.',
    total: '지금까지 문제 {n}개를 풀었습니다.',
  },
  {
    title: 'My progress',
    note: 'Solved exercises are saved in this browser only. To move them to another device, export a file and import it there.',
    export: 'Export progress (JSON)',
    import: 'Import progress',
    reset: 'Reset progress',
    confirm: 'Erase all progress saved in this browser? This cannot be undone.',
    confirmYes: 'Yes, erase it all',
    cancel: 'Cancel',
    exported: 'Progress exported to a file.',
    imported: 'Imported the records of {n} exercises.',
    importedSkipped:
      'Imported the records of {n} exercises and skipped {skipped} unreadable entries.',
    wasReset: 'Progress reset.',
    tooLarge: 'The file is too large. Please pick a progress file exported from Gatebook.',
    notJson: 'This is not a JSON file. Please pick a progress file exported from Gatebook.',
    notProgress: 'This is not a Gatebook progress file.',
    newerVersion: 'This file was made by a newer Gatebook. Reload the page and try again.',
    badLessons: 'The progress file is damaged.',
    empty: 'This file holds no records to import.',
    readFailed: 'The file could not be read.',
    nothing: 'No exercises solved yet.',
    total: 'You have solved {n} exercises so far.',
  },
);

type Message = { tone: 'ok' | 'error'; text: string } | null;

/** Export, import (validated, merged) and reset of exercise progress, on the home page. */
export function ProgressTools() {
  const t = useStrings(strings);
  const progress = useProgress();
  const fileId = useId();
  const headingId = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  const solved = Object.values(progress).reduce(
    (n, lesson) => n + Object.values(lesson).filter((r) => r.status === 'correct').length,
    0,
  );

  const doExport = () => {
    const blob = new Blob([exportProgress()], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = `gatebook-progress-${new Date().toISOString().slice(0, 10)}.json`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    setMessage({ tone: 'ok', text: t.exported });
  };

  const doImport = async (file: File | undefined) => {
    if (!file) return;
    let text: string;
    try {
      if (file.size > 1_000_000) {
        setMessage({ tone: 'error', text: t.tooLarge });
        return;
      }
      text = await file.text();
    } catch {
      setMessage({ tone: 'error', text: t.readFailed });
      return;
    } finally {
      if (fileRef.current) fileRef.current.value = '';
    }
    const result = importProgress(text);
    if (!result.ok) {
      setMessage({ tone: 'error', text: t[result.error satisfies ImportError] });
      return;
    }
    setMessage({
      tone: 'ok',
      text: result.skipped
        ? format(t.importedSkipped, { n: result.exercises, skipped: result.skipped })
        : format(t.imported, { n: result.exercises }),
    });
  };

  return (
    <section className="progress-tools" aria-labelledby={headingId} data-testid="progress-tools">
      <h2 id={headingId}>{t.title}</h2>
      <p className="muted">
        {solved ? format(t.total, { n: solved }) : t.nothing} {t.note}
      </p>
      <div className="progress-actions">
        <button type="button" className="button" onClick={doExport}>
          {t.export}
        </button>
        <button type="button" className="button" onClick={() => fileRef.current?.click()}>
          {t.import}
        </button>
        <input
          ref={fileRef}
          id={fileId}
          hidden
          aria-label={t.import}
          type="file"
          accept="application/json,.json"
          onChange={(e) => void doImport(e.target.files?.[0])}
        />
        <button
          type="button"
          className="button"
          aria-expanded={confirming}
          onClick={() => setConfirming(true)}
        >
          {t.reset}
        </button>
      </div>
      {confirming && (
        <div className="progress-confirm" role="alertdialog" aria-label={t.reset}>
          <p>{t.confirm}</p>
          <button
            type="button"
            className="button primary"
            onClick={() => {
              resetProgress();
              setConfirming(false);
              setMessage({ tone: 'ok', text: t.wasReset });
            }}
          >
            {t.confirmYes}
          </button>{' '}
          <button type="button" className="button" autoFocus onClick={() => setConfirming(false)}>
            {t.cancel}
          </button>
        </div>
      )}
      <p role="status" className={message?.tone === 'error' ? 'progress-error' : 'muted'}>
        {message?.text ?? ''}
      </p>
    </section>
  );
}

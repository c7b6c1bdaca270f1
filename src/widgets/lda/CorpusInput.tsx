import { useId } from 'react';
import { defineStrings, format } from '../../i18n/defineStrings';
import { useStrings } from '../../i18n/useLang';
import { setCustomCorpus, useCustomCorpus } from './ldaController';

const strings = defineStrings(
  'ldaCorpusInput',
  {
    paste: '문서를 붙여 넣으세요 (한 줄에 문서 하나)',
    file: '또는 파일 올리기 (.txt 한 줄에 문서 하나, 또는 .tsv)',
    format: '형식',
    lines: '한 줄에 문서 하나',
    tsv: 'TSV (첫 줄은 열 이름)',
    column: '문서가 든 열 이름',
    loaded: '“{name}”을 읽었습니다 ({chars}자).',
    note: '붙여 넣은 글은 이 브라우저 안에서만 쓰이고 링크에는 담기지 않습니다. 한국어와 영어 불용어를 모두 뺍니다.',
  },
  {
    paste: 'Paste documents (one document per line)',
    file: 'or upload a file (.txt with one document per line, or a .tsv)',
    format: 'format',
    lines: 'one document per line',
    tsv: 'TSV (first line: column names)',
    column: 'name of the column with the documents',
    loaded: 'Read “{name}” ({chars} characters).',
    note: 'Your text stays in this browser and is not put into the link. Korean and English stop words are both removed.',
  },
);

export function CorpusInput() {
  const t = useStrings(strings);
  const custom = useCustomCorpus();
  const ids = { text: useId(), file: useId(), column: useId() };
  return (
    <div className="lda-corpus-input">
      <label htmlFor={ids.text}>{t.paste}</label>
      <textarea
        id={ids.text}
        rows={5}
        value={custom.text}
        data-testid="lda-paste"
        onChange={(e) => setCustomCorpus({ text: e.target.value, name: '' })}
      />
      <label htmlFor={ids.file}>{t.file}</label>
      <input
        id={ids.file}
        type="file"
        accept=".txt,.tsv,text/plain,text/tab-separated-values"
        data-testid="lda-file"
        onChange={async (e) => {
          const file = e.target.files?.[0];
          if (!file) return;
          const text = await file.text();
          const tsv = /\.tsv$/i.test(file.name);
          setCustomCorpus({ text, name: file.name, format: tsv ? 'tsv' : 'lines' });
        }}
      />
      {custom.name && (
        <p className="muted" data-testid="lda-file-loaded">
          {format(t.loaded, { name: custom.name, chars: custom.text.length })}
        </p>
      )}
      <div className="segmented" role="group" aria-label={t.format}>
        {(['lines', 'tsv'] as const).map((f) => (
          <button
            key={f}
            type="button"
            aria-pressed={custom.format === f}
            onClick={() => setCustomCorpus({ format: f })}
          >
            {t[f]}
          </button>
        ))}
      </div>
      {custom.format === 'tsv' && (
        <>
          <label htmlFor={ids.column}>{t.column}</label>
          <input
            id={ids.column}
            type="text"
            value={custom.column}
            onChange={(e) => setCustomCorpus({ column: e.target.value })}
          />
        </>
      )}
      <p className="muted">{t.note}</p>
    </div>
  );
}

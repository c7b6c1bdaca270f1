import { useId } from 'react';
import { defineStrings, format } from '../../i18n/defineStrings';
import { useStrings } from '../../i18n/useLang';
import { BIG_PASTE_CHARS, sizeText, takeBigPaste } from '../../ui/bigPaste';
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
    pastedName: '붙여 넣은 글',
    notShown:
      '{size}는 너무 길어 상자에 보여 주지 않습니다. 학습에는 그대로 쓰고, 여기에 새로 쓰면 바뀝니다.',
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
    pastedName: 'pasted text',
    notShown:
      'At {size} the text is too long to show in the box; training uses it as it is, and typing here replaces it.',
    note: 'Your text stays in this browser and is not put into the link. Korean and English stop words are both removed.',
  },
);

export function CorpusInput() {
  const t = useStrings(strings);
  const custom = useCustomCorpus();
  const ids = { text: useId(), file: useId(), column: useId() };
  // Megabytes in a text box block the page while it lays them out: keep them out of it.
  const big = custom.text.length > BIG_PASTE_CHARS;
  return (
    <div className="lda-corpus-input">
      <label htmlFor={ids.text}>{t.paste}</label>
      <textarea
        id={ids.text}
        rows={5}
        value={big ? '' : custom.text}
        placeholder={big ? format(t.notShown, { size: sizeText(custom.text.length) }) : undefined}
        data-testid="lda-paste"
        onChange={(e) => setCustomCorpus({ text: e.target.value, name: '' })}
        onPaste={(e) => {
          const text = takeBigPaste(e);
          if (text !== null) setCustomCorpus({ text, name: t.pastedName });
        }}
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
          {format(t.loaded, {
            name: custom.name,
            chars: custom.text.length.toLocaleString('en-US'),
          })}
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

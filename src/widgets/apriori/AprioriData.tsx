import { useId, useRef, useState, type ClipboardEvent } from 'react';
import { defineStrings, format } from '../../i18n/defineStrings';
import { useStrings } from '../../i18n/useLang';
import { sizeText, takeBigPaste } from '../../ui/bigPaste';
import {
  APRIORI_EXAMPLES,
  CUSTOM_FORMATS,
  DEFAULT_APRIORI_ID,
  SUGGESTED_SUPPORT,
  type AprioriExample,
} from './aprioriSchema';
import { MAX_INPUT_BYTES } from './engine';
import { MiningStatusLine } from './MiningStatusLine';
import { useMining } from './useMining';
import './apriori.css';

const strings = defineStrings(
  'aprioriData',
  {
    title: '데이터 고르기',
    examples: '예제 데이터',
    'example-ko': '한국어 문장',
    'example-en': '영어 문장',
    'example-reviews': '영화 리뷰 300개',
    'example-grocery': '장바구니 (합성)',
    'example-custom': '직접 넣기',
    'about-ko':
      '일상 문장 173개입니다. 한 줄이 문장 하나(트랜잭션 하나)이고, 문장의 단어가 아이템입니다. 조사가 일부러 여러 가지로 붙어 있어 조사 떼기의 효과가 잘 보입니다.',
    'about-en': '영어 일상 문장 174개입니다. 한 줄이 트랜잭션 하나, 단어가 아이템입니다.',
    'about-reviews':
      'IMDB 영화 리뷰에서 시드를 고정해 뽑은 300개입니다. 리뷰 하나가 트랜잭션 하나입니다.',
    'about-grocery':
      '시드를 고정해 만든 합성 장바구니 1,000개(품목 120가지)입니다. 실제 매장 기록이 아니며, “파스타 ⇒ 토마토소스” 같은 연관을 일부러 심어 두었습니다.',
    'about-custom':
      '한 줄에 문장 하나, 또는 쉼표로 나눈 장바구니 하나를 넣으세요 (최대 5 MB). 읽기와 마이닝은 웹 워커에서 돌아가므로 페이지가 멈추지 않습니다.',
    tokens: '문장을 아이템으로 바꾸는 방법',
    stopWords: '불용어 빼기 (stopwords-iso의 한국어·영어 목록)',
    josa: '조사 떼기 (“학교에서” → “학교”)',
    josaNote:
      '조사 떼기는 끝 글자만 보는 간단한 규칙이라 “고양이” → “고양”처럼 틀리기도 합니다. 형태소 분석기를 쓰면 더 정확합니다.',
    customFormat: '직접 넣은 데이터의 형식',
    'format-sentences': '문장 (단어가 아이템)',
    'format-baskets': '장바구니 (쉼표로 구분)',
    paste: '데이터 붙여 넣기',
    pastePlaceholder: '빵, 우유\n빵, 기저귀, 맥주\n…',
    mineText: '이 글로 마이닝',
    upload: '파일 올리기 (.txt, .csv, .tsv, 최대 5 MB)',
    pastedBig: '붙여 넣은 {size}를 상자에 다 보여 주지 않고 바로 워커로 보냈습니다.',
    current: '지금 데이터: {name} ({size})',
    tooBig: '파일이 {size}로 한도 5 MB를 넘습니다.',
    emptyText: '상자가 비어 있습니다.',
    pasted: '붙여 넣은 글',
  },
  {
    title: 'Choose the data',
    examples: 'Example data',
    'example-ko': 'Korean sentences',
    'example-en': 'English sentences',
    'example-reviews': '300 movie reviews',
    'example-grocery': 'Baskets (synthetic)',
    'example-custom': 'Your own',
    'about-ko':
      '173 everyday Korean sentences. Each line is a sentence (a transaction); its words are the items. Nouns carry varied particles on purpose, so particle stripping shows its effect.',
    'about-en':
      '174 everyday English sentences. Each line is a transaction; its words are the items.',
    'about-reviews':
      '300 IMDB movie reviews drawn with a fixed seed. Each review is one transaction.',
    'about-grocery':
      '1,000 synthetic baskets over 120 products, generated with a fixed seed. Not real shop records: associations such as “pasta ⇒ tomato sauce” were planted on purpose.',
    'about-custom':
      'One sentence, or one comma-separated basket, per line (up to 5 MB). Reading and mining run in a Web Worker, so the page stays responsive.',
    tokens: 'How sentences become items',
    stopWords: 'Drop stop words (the Korean and English lists of stopwords-iso)',
    josa: 'Strip Korean particles (hakgyo-eseo, “at school”, → hakgyo, “school”)',
    josaNote:
      'Particle stripping only looks at the last syllables, so it errs at times (goyang-i, “cat”, loses its last syllable as if it were the subject particle). A morphological analyser does better.',
    customFormat: 'Format of your data',
    'format-sentences': 'Sentences (words are items)',
    'format-baskets': 'Baskets (comma-separated)',
    paste: 'Paste your data',
    pastePlaceholder: 'bread, milk\nbread, diapers, beer\n…',
    mineText: 'Mine this text',
    upload: 'Upload a file (.txt, .csv, .tsv, up to 5 MB)',
    pastedBig: 'The {size} you pasted went straight to the worker instead of into the box.',
    current: 'Current data: {name} ({size})',
    tooBig: 'The file is {size}, over the 5 MB limit.',
    emptyText: 'The box is empty.',
    pasted: 'pasted text',
  },
);

/** Picks the data set and how its sentences become items; takes a learner's own text or file. */
export default function AprioriData({ id = DEFAULT_APRIORI_ID }: { id?: string }) {
  const t = useStrings(strings);
  const titleId = useId();
  const pasteId = useId();
  const fileId = useId();
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [note, setNote] = useState<string | null>(null);
  const { state, setState, session, view } = useMining(id);
  const sentences =
    state.example !== 'grocery' && !(state.example === 'custom' && state.format === 'baskets');

  const takeCustom = (
    source: Parameters<typeof session.setCustom>[0],
    name: string,
    bytes: number,
  ) => {
    session.setCustom(source, name, bytes);
    setState((prev) => ({
      example: 'custom',
      step: 0,
      minSupport: prev.example === 'custom' ? prev.minSupport : SUGGESTED_SUPPORT.custom,
    }));
  };

  const pickExample = (example: AprioriExample) => {
    if (example === state.example) return;
    setState({ example, step: 0, minSupport: SUGGESTED_SUPPORT[example] });
  };

  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const text = takeBigPaste(event);
    if (text === null) return;
    // The length, not the UTF-8 size: encoding 5 MB just to show a number costs ~100 ms.
    setNote(format(t.pastedBig, { size: sizeText(text.length) }));
    takeCustom({ kind: 'text', text, format: state.format }, t.pasted, text.length);
  };

  const mineText = () => {
    const text = textRef.current?.value ?? '';
    if (text.trim().length === 0) {
      setNote(t.emptyText);
      return;
    }
    setNote(null);
    takeCustom({ kind: 'text', text, format: state.format }, t.pasted, text.length);
  };

  const onFile = (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_INPUT_BYTES) {
      setNote(format(t.tooBig, { size: sizeText(file.size) }));
      return;
    }
    setNote(null);
    const fileFormat = /\.tsv$/i.test(file.name) ? 'tsv' : state.format;
    takeCustom({ kind: 'file', file, format: fileFormat }, file.name, file.size);
  };

  return (
    <section className="widget apriori-data" aria-labelledby={titleId} data-example={state.example}>
      <h3 id={titleId} className="widget-title">
        {t.title}
      </h3>
      <div className="segmented apriori-examples" role="group" aria-label={t.examples}>
        {APRIORI_EXAMPLES.map((example) => (
          <button
            key={example}
            type="button"
            aria-pressed={state.example === example}
            data-example={example}
            onClick={() => pickExample(example)}
          >
            {t[`example-${example}`]}
          </button>
        ))}
      </div>
      <p className="muted">{t[`about-${state.example}`]}</p>

      {state.example === 'custom' && (
        <div className="apriori-custom">
          <div className="segmented" role="group" aria-label={t.customFormat}>
            {CUSTOM_FORMATS.map((f) => (
              <button
                key={f}
                type="button"
                aria-pressed={state.format === f}
                data-format={f}
                onClick={() => setState({ format: f })}
              >
                {t[`format-${f}`]}
              </button>
            ))}
          </div>
          <label htmlFor={pasteId}>{t.paste}</label>
          {/* Uncontrolled on purpose: React never copies the text on a keystroke. */}
          <textarea
            id={pasteId}
            ref={textRef}
            rows={5}
            spellCheck={false}
            placeholder={t.pastePlaceholder}
            onPaste={onPaste}
          />
          <div className="widget-controls">
            <button type="button" className="button primary" onClick={mineText}>
              {t.mineText}
            </button>
            <label htmlFor={fileId} className="apriori-file">
              {t.upload}
              <input
                id={fileId}
                type="file"
                accept=".txt,.csv,.tsv,text/plain,text/csv,text/tab-separated-values"
                onChange={(e) => {
                  onFile(e.target.files?.[0]);
                  e.target.value = '';
                }}
              />
            </label>
          </div>
          {note && (
            <p className="muted" role="status" data-testid="apriori-note">
              {note}
            </p>
          )}
          {view.custom && (
            <p className="muted" data-testid="apriori-current">
              {format(t.current, { name: view.custom.name, size: sizeText(view.custom.bytes) })}
            </p>
          )}
        </div>
      )}

      {sentences && (
        <fieldset className="apriori-tokens">
          <legend>{t.tokens}</legend>
          <label>
            <input
              type="checkbox"
              checked={state.stopWords}
              onChange={(e) => setState({ stopWords: e.target.checked })}
            />{' '}
            {t.stopWords}
          </label>
          <label>
            <input
              type="checkbox"
              checked={state.josa}
              onChange={(e) => setState({ josa: e.target.checked })}
            />{' '}
            {t.josa}
          </label>
          <p className="muted apriori-small">{t.josaNote}</p>
        </fieldset>
      )}
      <MiningStatusLine view={view} session={session} live />
    </section>
  );
}

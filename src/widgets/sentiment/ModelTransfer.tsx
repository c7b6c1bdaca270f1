import { useId, useState } from 'react';
import { defineStrings, format } from '../../i18n/defineStrings';
import { useLang, useStrings } from '../../i18n/useLang';
import type { LocalizedMessage } from '../../core/training';
import { exportModel, importModel, ImportError } from './training/transfer';
import { getTrained, setTrained, useTrainView } from './training/trainingStore';
import { ensureBackend } from '../cell/backend';
import './sentiment.css';

const strings = defineStrings(
  'modelTransfer',
  {
    title: '학습한 모델 내보내기와 불러오기',
    intro:
      '가중치를 Keras와 같은 배치(model.get_weights() 순서, LSTM 커널은 [입력, 4×유닛]에 i, f, c, o 순)로 JSON에 담고, 어휘 사전과 전처리 설정도 함께 저장합니다. 불러온 모델은 아래 단어별 예측과 단어 지도에 바로 쓰입니다.',
    export: '모델 내보내기 (JSON)',
    noModel: '내보낼 모델이 없습니다. 먼저 학습하세요.',
    import: '모델 파일 불러오기',
    imported: '불러왔습니다: {kind}, 입력 길이 {maxlen}, 어휘 {vocab}개.',
    current: '지금 쓰는 모델: {kind} ({source})',
    trained: '이 페이지에서 학습',
    importedSource: '파일에서 불러옴',
    error: '불러오지 못했습니다: {message}',
  },
  {
    title: 'Export and import the trained model',
    intro:
      'The weights go into JSON in Keras’s layout (model.get_weights() order; an LSTM kernel is [input, 4×units] with gates i, f, c, o), together with the vocabulary and the preprocessing settings. An imported model is used at once by the word-by-word reading and the word map.',
    export: 'Export the model (JSON)',
    noModel: 'No model to export yet: train one first.',
    import: 'Import a model file',
    imported: 'Imported: {kind}, input length {maxlen}, {vocab} words.',
    current: 'Model in use: {kind} ({source})',
    trained: 'trained on this page',
    importedSource: 'imported from a file',
    error: 'Could not import: {message}',
  },
);

export default function ModelTransfer() {
  const t = useStrings(strings);
  const lang = useLang();
  const titleId = useId();
  const fileId = useId();
  useTrainView();
  const [status, setStatus] = useState<{ ok: boolean; message: LocalizedMessage | string } | null>(
    null,
  );
  const trained = getTrained();

  const download = () => {
    if (!trained) return;
    const blob = new Blob([JSON.stringify(exportModel(trained))], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `gatebook-sentiment-${trained.kind}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const load = async (file: File) => {
    try {
      await ensureBackend();
      const model = importModel(await file.text());
      setTrained(model);
      setStatus({
        ok: true,
        message: {
          ko: format(strings.ko.imported, {
            kind: model.kind,
            maxlen: model.maxlen,
            vocab: model.vocabulary.words.length,
          }),
          en: format(strings.en.imported, {
            kind: model.kind,
            maxlen: model.maxlen,
            vocab: model.vocabulary.words.length,
          }),
        },
      });
    } catch (error) {
      setStatus({
        ok: false,
        message: error instanceof ImportError ? error.localized : String(error),
      });
    }
  };
  const shown = status
    ? typeof status.message === 'string'
      ? status.message
      : status.message[lang]
    : null;

  return (
    <section className="widget sent-transfer" aria-labelledby={titleId}>
      <h3 id={titleId}>{t.title}</h3>
      <p>{t.intro}</p>
      {trained ? (
        <p className="muted">
          {format(t.current, {
            kind: trained.kind,
            source: trained.source === 'trained' ? t.trained : t.importedSource,
          })}
        </p>
      ) : null}
      <p>
        <button
          type="button"
          className="button"
          disabled={!trained}
          onClick={download}
          data-testid="model-export"
        >
          {t.export}
        </button>{' '}
        {!trained ? <span className="muted">{t.noModel}</span> : null}
      </p>
      <p>
        <label htmlFor={fileId}>{t.import}</label>
        <br />
        <input
          id={fileId}
          type="file"
          accept=".json,application/json"
          data-testid="model-import"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void load(file);
            e.target.value = '';
          }}
        />
      </p>
      {shown ? (
        <p role={status?.ok ? 'status' : 'alert'} className={status?.ok ? undefined : 'sent-error'}>
          {status?.ok ? shown : format(t.error, { message: shown })}
        </p>
      ) : null}
    </section>
  );
}

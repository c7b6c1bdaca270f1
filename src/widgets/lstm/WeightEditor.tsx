import type { LSTMCell, LSTMGate } from '../../core';
import { defineStrings } from '../../i18n/defineStrings';
import { useStrings } from '../../i18n/useLang';
import { WeightEditor as CellWeightEditor, type EditorGate } from '../cell/WeightEditor';
import { isEdited, resetCell, setWeight } from './weightsStore';

const strings = defineStrings(
  'lstmWeightEditor',
  {
    title: '가중치 편집',
    intro:
      '숫자를 고치면 위의 그림과 식이 바로 다시 계산됩니다. W는 입력 가중치(행: 단어, 열: 유닛), U는 순환 가중치(행: h의 유닛, 열: 유닛), b는 편향입니다.',
    'gate-f': '망각 게이트 f',
    'gate-i': '입력 게이트 i',
    'gate-candidate': '후보 셀 상태 c̃',
    'gate-o': '출력 게이트 o',
    reset: '강의 숫자로 되돌리기',
    memory:
      '편집한 가중치는 48개나 되어 링크에 담지 않고 이 페이지의 메모리에만 둡니다. 언어를 바꿔도 남지만, 새로고침하면 강의 숫자로 돌아갑니다.',
  },
  {
    title: 'Edit the weights',
    intro:
      'Change a number and the diagram and the equations above are recomputed at once. W holds the input weights (rows: words, columns: units), U the recurrent weights (rows: units of h, columns: units), b the biases.',
    'gate-f': 'forget gate f',
    'gate-i': 'input gate i',
    'gate-candidate': 'candidate c̃',
    'gate-o': 'output gate o',
    reset: 'Reset to the course’s numbers',
    memory:
      'Edited weights (all 48 of them) are too many for a link, so they stay in this page’s memory only. They survive a language switch; a reload brings back the course’s numbers.',
  },
);

const GATES: readonly LSTMGate[] = ['f', 'i', 'candidate', 'o'];
/** The subscript each gate's matrices carry in the equations. */
const SUBSCRIPT: Record<LSTMGate, string> = { f: 'f', i: 'i', candidate: 'c', o: 'o' };

/** The LSTM lesson's editor: the shared cell editor over the first worked example's weights. */
export function WeightEditor({
  cellId,
  cell,
  words,
}: {
  cellId: string;
  cell: LSTMCell;
  /** Row names of W: the words x_t stands for. */
  words: readonly string[];
}) {
  const t = useStrings(strings);
  const gates: EditorGate[] = GATES.map((key) => ({
    key,
    label: t[`gate-${key}`],
    sub: SUBSCRIPT[key],
  }));
  return (
    <CellWeightEditor
      gates={gates}
      weights={(gate) => cell.gates[gate as LSTMGate]}
      inputSize={cell.inputSize}
      units={cell.units}
      words={words}
      onSet={(gate, part, index, value) => setWeight(cellId, gate as LSTMGate, part, index, value)}
      edited={isEdited(cellId)}
      onReset={() => resetCell(cellId)}
      text={t}
    />
  );
}

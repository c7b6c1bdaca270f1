import { defineExercises } from '../types';

export default defineExercises('lstm', [
  {
    kind: 'numeric',
    id: 'keras-params',
    prompt: {
      ko: '수업의 감성 분석 모델은 `Embedding(20000, 300)` 다음에 `LSTM(50)`을 둡니다. 이 LSTM 층의 파라미터는 몇 개입니까? (Keras 방식: $4H(D + H + 1)$)',
      en: "The course's sentiment model puts `LSTM(50)` after `Embedding(20000, 300)`. How many parameters does this LSTM layer have? (Keras: $4H(D + H + 1)$)",
    },
    answer: 4 * 50 * (300 + 50 + 1),
    tolerance: 0,
    mistakes: [
      {
        value: 4 * 50 * (300 + 50),
        tolerance: 0,
        message: {
          ko: '편향을 빠뜨렸습니다. 네 블록 각각에 유닛마다 편향이 하나씩 있어 $+1$이 붙습니다.',
          en: 'The biases are missing: each of the four blocks has one per unit, hence the $+1$.',
        },
      },
      {
        value: 50 * (300 + 50 + 1),
        tolerance: 0,
        message: {
          ko: '블록 하나만 셌습니다. $f$, $i$, $\\tilde{c}$, $o$ 네 블록이 각자 가중치를 가집니다.',
          en: 'That is one block. The four blocks $f$, $i$, $\\tilde{c}$ and $o$ each have their own weights.',
        },
      },
      {
        value: 4 * 50 * (20000 + 50 + 1),
        tolerance: 0,
        message: {
          ko: '$D$는 어휘 크기가 아니라 LSTM에 들어오는 벡터의 크기, 곧 임베딩 차원 300입니다.',
          en: '$D$ is not the vocabulary size but the size of the vectors entering the LSTM: the embedding dimension, 300.',
        },
      },
    ],
    hint: {
      ko: '$D = 300$(임베딩 차원), $H = 50$입니다.',
      en: '$D = 300$ (the embedding dimension), $H = 50$.',
    },
    explanation: {
      ko: '$4 \\cdot 50 \\cdot (300 + 50 + 1) = 70200$. $W$가 $300 \\times 200$, $U$가 $50 \\times 200$, $b$가 200개이고, 200은 네 블록을 나란히 놓은 폭입니다.',
      en: '$4 \\cdot 50 \\cdot (300 + 50 + 1) = 70200$: $W$ is $300 \\times 200$, $U$ is $50 \\times 200$ and $b$ has 200 entries, 200 being the four blocks side by side.',
    },
    digits: 0,
  },
  {
    kind: 'numeric',
    id: 'cell-update',
    prompt: {
      ko: '예제 2의 첫 번째 유닛에서 $c_{t-1} = 0.4$입니다. 게이트가 $f_t = 0.6$, $i_t = 0.5$, 후보가 $\\tilde{c}_t = 0.8$이라면 $c_t$는?',
      en: 'In the first unit of Example 2, $c_{t-1} = 0.4$. With gates $f_t = 0.6$, $i_t = 0.5$ and candidate $\\tilde{c}_t = 0.8$, what is $c_t$?',
    },
    answer: 0.6 * 0.4 + 0.5 * 0.8,
    tolerance: 0.001,
    mistakes: [
      {
        value: 0.4 + 0.5 * 0.8,
        tolerance: 0.001,
        message: {
          ko: '망각 게이트를 곱하지 않았습니다. 지난 기억은 $f_t$만큼만 남습니다.',
          en: 'You did not apply the forget gate: only $f_t$ of the old memory stays.',
        },
      },
      {
        value: 0.6 * 0.4 + 0.8,
        tolerance: 0.001,
        message: {
          ko: '입력 게이트를 빠뜨렸습니다. 후보는 $i_t$만큼만 쓰입니다.',
          en: 'The input gate is missing: only $i_t$ of the candidate is written.',
        },
      },
    ],
    hint: {
      ko: '$c_t = f_t \\odot c_{t-1} + i_t \\odot \\tilde{c}_t$',
      en: '$c_t = f_t \\odot c_{t-1} + i_t \\odot \\tilde{c}_t$',
    },
    explanation: {
      ko: '$0.6 \\cdot 0.4 + 0.5 \\cdot 0.8 = 0.24 + 0.40 = 0.64$. 컨베이어 벨트에서 일어나는 일은 곱하기(지우기)와 더하기(쓰기)뿐입니다.',
      en: '$0.6 \\cdot 0.4 + 0.5 \\cdot 0.8 = 0.24 + 0.40 = 0.64$. On the belt there is only a multiply (erase) and an add (write).',
    },
  },
  {
    kind: 'numeric',
    id: 'hidden-out',
    prompt: {
      ko: '이어서 출력 게이트가 $o_t = 0.7$이고 $c_t = 0.64$일 때 $h_t$는? (소수 셋째 자리까지)',
      en: 'Continuing: with output gate $o_t = 0.7$ and $c_t = 0.64$, what is $h_t$? (three decimals)',
    },
    answer: 0.7 * Math.tanh(0.64),
    tolerance: 0.0015,
    mistakes: [
      {
        value: 0.7 * 0.64,
        tolerance: 0.0015,
        message: {
          ko: '$c_t$를 $\\tanh$에 넣지 않았습니다. $h_t = o_t \\odot \\tanh(c_t)$입니다.',
          en: 'You skipped the $\\tanh$: $h_t = o_t \\odot \\tanh(c_t)$.',
        },
      },
      {
        value: Math.tanh(0.64),
        tolerance: 0.0015,
        message: {
          ko: '출력 게이트를 곱하는 것을 잊었습니다.',
          en: 'You forgot to multiply by the output gate.',
        },
      },
    ],
    explanation: {
      ko: '$\\tanh(0.64) \\approx 0.565$, $h_t = 0.7 \\cdot 0.565 \\approx 0.395$. $o_t$와 $\\tanh$ 둘 다 크기를 1 이하로 두므로 $h_t$는 언제나 $-1$과 $1$ 사이입니다.',
      en: '$\\tanh(0.64) \\approx 0.565$, so $h_t = 0.7 \\cdot 0.565 \\approx 0.395$. Both $o_t$ and $\\tanh$ keep magnitudes at most 1, so $h_t$ always lies between $-1$ and $1$.',
    },
  },
  {
    kind: 'choice',
    id: 'belt-gradient',
    prompt: {
      ko: '게이트를 거치는 간접 영향을 빼면, 셀 상태를 따라 거꾸로 한 타임 스텝 갈 때 기울기에 곱해지는 값 $\\partial c_t / \\partial c_{t-1}$은 무엇입니까?',
      en: 'Leaving out the indirect influence through the gates, what factor $\\partial c_t / \\partial c_{t-1}$ multiplies the gradient for one step back along the cell state?',
    },
    options: [
      {
        text: { ko: '망각 게이트 값 $f_t$', en: 'the forget gate $f_t$' },
        correct: true,
        why: {
          ko: '맞습니다. $c_t = f_t \\odot c_{t-1} + \\ldots$이므로 $f_t$입니다. 네트워크가 $f_t$를 1 가까이 열어 두면 기울기가 많은 타임 스텝을 건너갑니다.',
          en: 'Right: $c_t = f_t \\odot c_{t-1} + \\ldots$, so it is $f_t$. When the network holds $f_t$ near 1 the gradient crosses many time steps.',
        },
      },
      {
        text: { ko: "$\\tanh'$와 가중치의 곱", en: "a $\\tanh'$ times a weight" },
        correct: false,
        why: {
          ko: '그것은 SimpleRNN의 은닉 상태 경로입니다. 벨트에는 활성화 함수도 가중치 행렬도 없습니다.',
          en: "That is the SimpleRNN's hidden-state path. The belt has neither an activation nor a weight matrix.",
        },
      },
      {
        text: { ko: '입력 게이트 값 $i_t$', en: 'the input gate $i_t$' },
        correct: false,
        why: {
          ko: '$i_t$는 새 후보 $\\tilde{c}_t$에 곱해집니다. $c_{t-1}$에는 곱해지지 않습니다.',
          en: '$i_t$ multiplies the new candidate $\\tilde{c}_t$, not $c_{t-1}$.',
        },
      },
      {
        text: { ko: '항상 1', en: 'always 1' },
        correct: false,
        why: {
          ko: '$f_t$가 1일 때만 그렇습니다. 잊어야 할 때는 망각 게이트가 닫히며 0에 가까워집니다.',
          en: 'Only when $f_t$ is 1. When it is time to forget, the forget gate closes towards 0.',
        },
      },
    ],
  },
  {
    kind: 'numeric',
    id: 'bidirectional-size',
    prompt: {
      ko: '수업의 적층 모델에서 `Bidirectional(LSTM(32))` 층이 내보내는 벡터의 길이는? (기본 merge_mode는 이어 붙이기)',
      en: "In the course's stacked model, how long is the vector that `Bidirectional(LSTM(32))` emits? (the default merge_mode concatenates)",
    },
    answer: 64,
    tolerance: 0,
    mistakes: [
      {
        value: 32,
        tolerance: 0,
        message: {
          ko: '한 방향만 셌습니다. 앞으로 읽는 LSTM과 거꾸로 읽는 LSTM의 마지막 은닉 상태를 이어 붙입니다.',
          en: 'That is one direction. The forward and backward LSTMs each give a last hidden state, and they are concatenated.',
        },
      },
    ],
    explanation: {
      ko: '앞 방향 32 + 뒤 방향 32 = 64. 이 벡터가 `Dropout(0.2)`과 `Dense(16)`으로 들어갑니다.',
      en: 'Forward 32 + backward 32 = 64. That vector goes on to `Dropout(0.2)` and `Dense(16)`.',
    },
    digits: 0,
  },
]);

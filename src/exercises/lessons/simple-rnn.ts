import { defineExercises } from '../types';

export default defineExercises('simple-rnn', [
  {
    kind: 'numeric',
    id: 'hihello-params',
    prompt: {
      ko: '"hihello" 모델의 SimpleRNN 층은 입력 크기 5(h, i, e, l, o의 원-핫), 은닉 크기 5입니다. 이 층의 파라미터($W_x$, $W_h$, $b$)는 모두 몇 개입니까?',
      en: 'The SimpleRNN layer of the "hihello" model has input size 5 (one-hot h, i, e, l, o) and hidden size 5. How many parameters ($W_x$, $W_h$, $b$) does it have?',
    },
    answer: 55,
    tolerance: 0,
    mistakes: [
      {
        value: 50,
        tolerance: 0,
        message: {
          ko: '편향 $b$(은닉 유닛마다 하나, 5개)를 빠뜨렸습니다.',
          en: 'You left out the bias $b$ (one per hidden unit, 5 of them).',
        },
      },
      {
        value: 30,
        tolerance: 0,
        message: {
          ko: '순환 가중치 $W_h$($5 \\times 5$)가 빠졌습니다. 이전 은닉 상태를 섞는 행렬입니다.',
          en: 'The recurrent weight $W_h$ ($5 \\times 5$) is missing: the matrix that mixes in the previous hidden state.',
        },
      },
      {
        value: 330,
        tolerance: 0,
        message: {
          ko: '타임 스텝 6개에 곱했나요? 모든 타임 스텝이 같은 가중치를 공유하므로 시퀀스 길이는 개수와 상관없습니다.',
          en: 'Did you multiply by the 6 time steps? All steps share the same weights, so the length does not matter.',
        },
      },
    ],
    hint: {
      ko: '$W_x$는 $5 \\times 5$, $W_h$는 $5 \\times 5$, $b$는 5개입니다.',
      en: '$W_x$ is $5 \\times 5$, $W_h$ is $5 \\times 5$, $b$ has 5 entries.',
    },
    explanation: {
      ko: '$5 \\cdot 5 + 5 \\cdot 5 + 5 = 55$. 일반식은 $H(D + H + 1)$이고, 타임 스텝 수와는 무관합니다.',
      en: '$5 \\cdot 5 + 5 \\cdot 5 + 5 = 55$. In general $H(D + H + 1)$, independent of the number of time steps.',
    },
    digits: 0,
  },
  {
    kind: 'numeric',
    id: 'uniform-loss',
    prompt: {
      ko: '학습 전 모델이 여섯 타임 스텝 모두에서 다섯 글자에 똑같이 확률 0.2를 준다고 합시다. 시퀀스 손실(타임 스텝별 교차 엔트로피의 평균, 자연로그)은 얼마입니까?',
      en: 'Before training, say the model gives each of the five characters probability 0.2 at all six time steps. What is the sequence loss (the mean per-step cross-entropy, natural log)?',
    },
    answer: Math.log(5),
    tolerance: 0.002,
    mistakes: [
      {
        value: 6 * Math.log(5),
        tolerance: 0.01,
        message: {
          ko: '여섯 스텝의 합입니다. 시퀀스 손실은 평균이므로 6으로 나눕니다.',
          en: 'That is the sum over six steps. The sequence loss is the mean, so divide by 6.',
        },
      },
      {
        value: Math.log10(5),
        tolerance: 0.002,
        message: {
          ko: '상용로그(밑 10)를 썼습니다. 교차 엔트로피는 자연로그 $\\ln$을 씁니다.',
          en: 'You used log base 10. Cross-entropy uses the natural log $\\ln$.',
        },
      },
    ],
    hint: {
      ko: '정답 글자의 확률이 $p$일 때 한 스텝의 교차 엔트로피는 $-\\ln p$입니다.',
      en: 'With probability $p$ on the right character, one step costs $-\\ln p$.',
    },
    explanation: {
      ko: '스텝마다 $-\\ln 0.2 = \\ln 5 \\approx 1.609$이고, 여섯 개의 평균도 1.609입니다. 학습 위젯의 손실 곡선이 대략 이 값에서 출발하는 이유입니다.',
      en: "Each step costs $-\\ln 0.2 = \\ln 5 \\approx 1.609$, and the mean of six equal values is 1.609. That is roughly where the training widget's loss curve starts.",
    },
  },
  {
    kind: 'choice',
    id: 'same-letter',
    prompt: {
      ko: '"hihello"에서 1번째와 3번째 타임 스텝은 둘 다 글자 h를 읽는데 $h_t$가 다릅니다. 왜입니까?',
      en: 'In "hihello", time steps 1 and 3 both read the letter h, yet $h_t$ differs. Why?',
    },
    options: [
      {
        text: {
          ko: '타임 스텝마다 다른 가중치를 쓰기 때문',
          en: 'Each time step uses different weights',
        },
        correct: false,
        why: {
          ko: '아닙니다. SimpleRNN은 모든 타임 스텝에서 $W_x$, $W_h$, $b$를 공유합니다.',
          en: 'No: a SimpleRNN shares $W_x$, $W_h$ and $b$ across all time steps.',
        },
      },
      {
        text: {
          ko: '$W_h h_{t-1}$ 항이 이전에 읽은 내용을 싣고 오기 때문',
          en: 'The term $W_h h_{t-1}$ brings in what was read before',
        },
        correct: true,
        why: {
          ko: '맞습니다. 입력은 같아도 $h_0 = 0$과 $h_2$가 다르므로 결과가 달라집니다. 은닉 상태가 곧 기억입니다.',
          en: 'Right. The input is the same, but $h_0 = 0$ and $h_2$ differ, so the result differs. The hidden state is the memory.',
        },
      },
      {
        text: {
          ko: '원-핫 벡터가 위치마다 다르기 때문',
          en: 'The one-hot vector depends on the position',
        },
        correct: false,
        why: {
          ko: '원-핫 벡터는 글자만 나타냅니다. h는 어디에 있든 같은 벡터입니다.',
          en: 'A one-hot vector encodes only the character; h is the same vector wherever it appears.',
        },
      },
      {
        text: {
          ko: '드롭아웃이 무작위로 유닛을 끄기 때문',
          en: 'Dropout switches units off at random',
        },
        correct: false,
        why: {
          ko: '이 모델에는 드롭아웃이 없고, 있더라도 학습 중에만 작동합니다.',
          en: 'This model has no dropout, and dropout only acts during training anyway.',
        },
      },
    ],
  },
  {
    kind: 'choice',
    id: 'pre-padding',
    prompt: {
      ko: '단어 번호 시퀀스 $[3, 7, 2]$를 길이 5로 맞춥니다. Keras의 기본값(pre 패딩)을 쓰면 결과는?',
      en: "The id sequence $[3, 7, 2]$ is padded to length 5 with Keras's default (pre padding). What comes out?",
    },
    options: [
      {
        text: { ko: '[0, 0, 3, 7, 2]', en: '[0, 0, 3, 7, 2]' },
        correct: true,
        why: {
          ko: '맞습니다. pre는 앞에 0을 채웁니다. 마지막 은닉 상태 가까이에 실제 단어가 남습니다.',
          en: 'Right. "pre" puts the zeros in front, so the real words stay next to the last hidden state.',
        },
      },
      {
        text: { ko: '[3, 7, 2, 0, 0]', en: '[3, 7, 2, 0, 0]' },
        correct: false,
        why: {
          ko: '이것은 post 패딩입니다. RNN이 마지막에 0을 두 번 더 읽게 됩니다.',
          en: 'That is post padding: the RNN would read two zeros at the end.',
        },
      },
      {
        text: { ko: '[3, 7, 2, 1, 1]', en: '[3, 7, 2, 1, 1]' },
        correct: false,
        why: {
          ko: '1은 보통 OOV 토큰의 번호입니다. 패딩에는 0을 씁니다.',
          en: 'Id 1 is usually the OOV token; padding uses 0.',
        },
      },
      {
        text: { ko: '[7, 2]를 남기고 자른다', en: 'It is cut to [7, 2]' },
        correct: false,
        why: {
          ko: '자르기(truncation)는 시퀀스가 목표 길이보다 길 때만 일어납니다.',
          en: 'Truncation happens only when a sequence is longer than the target length.',
        },
      },
    ],
  },
  {
    kind: 'numeric',
    id: 'embedding-params',
    prompt: {
      ko: '수업의 IMDB 모델은 `Embedding(10000, 128)`로 시작합니다. 이 임베딩 층의 파라미터는 몇 개입니까?',
      en: "The course's IMDB model starts with `Embedding(10000, 128)`. How many parameters does this embedding layer have?",
    },
    answer: 1_280_000,
    tolerance: 0,
    mistakes: [
      {
        value: 1_280_128,
        tolerance: 0,
        message: {
          ko: '임베딩 층에는 편향이 없습니다. 단어마다 행 하나가 전부입니다.',
          en: 'An embedding layer has no bias: one row per word is all there is.',
        },
      },
      {
        value: 10_128,
        tolerance: 0,
        message: {
          ko: '더하지 말고 곱하세요. 단어 10,000개가 각각 128차원 벡터를 가집니다.',
          en: 'Multiply, do not add: each of the 10,000 words owns a 128-dimensional vector.',
        },
      },
    ],
    explanation: {
      ko: '단어 10,000개 × 차원 128 = 1,280,000개. 원-핫 대신 이 표에서 행을 꺼내 쓰는 것이 워드 임베딩입니다.',
      en: '10,000 words × 128 dimensions = 1,280,000. Looking up a row of this table instead of a one-hot vector is what a word embedding does.',
    },
    digits: 0,
  },
]);

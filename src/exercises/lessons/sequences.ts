import { defineExercises } from '../types';

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

export default defineExercises('sequences', [
  {
    kind: 'numeric',
    id: 'recurrence-h2',
    prompt: {
      ko: '본문의 스칼라 예에서 $W_x = 0.5$, $W_h = 1$, $b = 0$, $h_0 = 0$이고 입력은 $x_1 = 1$, $x_2 = 0$입니다. $h_2 = \\tanh(W_x x_2 + W_h h_1 + b)$는 얼마입니까? (소수 셋째 자리까지)',
      en: 'In the scalar example of the lesson, $W_x = 0.5$, $W_h = 1$, $b = 0$, $h_0 = 0$, and the inputs are $x_1 = 1$, $x_2 = 0$. What is $h_2 = \\tanh(W_x x_2 + W_h h_1 + b)$? (three decimals)',
    },
    answer: Math.tanh(Math.tanh(0.5)),
    tolerance: 0.0015,
    mistakes: [
      {
        value: Math.tanh(0.5),
        tolerance: 0.0015,
        message: {
          ko: '그것은 $h_1$입니다. $h_2$는 $h_1$을 한 번 더 $\\tanh$에 넣어야 합니다.',
          en: 'That is $h_1$. For $h_2$, feed $h_1$ through $\\tanh$ once more.',
        },
      },
      {
        value: 0,
        tolerance: 1e-9,
        message: {
          ko: '$x_2 = 0$이어도 $W_h h_1$ 항이 남습니다. 은닉 상태가 첫 입력의 흔적을 싣고 옵니다.',
          en: 'Even with $x_2 = 0$ the term $W_h h_1$ remains: the hidden state carries the first input along.',
        },
      },
    ],
    hint: {
      ko: '먼저 $h_1 = \\tanh(0.5)$를 구하고, 그 값을 다시 $\\tanh$에 넣으세요.',
      en: 'First find $h_1 = \\tanh(0.5)$, then put that value through $\\tanh$ again.',
    },
    explanation: {
      ko: '$h_1 = \\tanh(0.5) \\approx 0.462$, $h_2 = \\tanh(0.5 \\cdot 0 + 1 \\cdot 0.462) \\approx 0.432$. 입력이 0인데도 첫 입력의 흔적이 조금 옅어진 채 남아 있습니다.',
      en: '$h_1 = \\tanh(0.5) \\approx 0.462$, $h_2 = \\tanh(0.5 \\cdot 0 + 1 \\cdot 0.462) \\approx 0.432$. The input is 0, yet a slightly fainter trace of the first input remains.',
    },
  },
  {
    kind: 'choice',
    id: 'shape-review',
    prompt: {
      ko: '영화 리뷰 한 편("별로지만 추천해요")을 단어 단위로 읽고 긍정/부정 하나를 답하는 과제는 RNN의 어떤 형태입니까?',
      en: 'A task reads one movie review ("별로지만 추천해요", "not great, but I recommend it") word by word and answers positive or negative. Which RNN shape is it?',
    },
    options: [
      {
        text: { ko: '일대일 (one-to-one)', en: 'one-to-one' },
        correct: false,
        why: {
          ko: '일대일은 입력 하나에 출력 하나입니다. 리뷰는 단어 여러 개의 시퀀스입니다.',
          en: 'One-to-one takes a single input. A review is a sequence of many words.',
        },
      },
      {
        text: { ko: '일대다 (one-to-many)', en: 'one-to-many' },
        correct: false,
        why: {
          ko: '일대다는 이미지 한 장으로 캡션을 만드는 것처럼 입력 하나에서 시퀀스를 만듭니다. 여기서는 반대입니다.',
          en: 'One-to-many makes a sequence from one input, like a caption from an image. Here it is the other way round.',
        },
      },
      {
        text: { ko: '다대일 (many-to-one)', en: 'many-to-one' },
        correct: true,
        why: {
          ko: '맞습니다. 단어 여러 개를 다 읽은 뒤 마지막 은닉 상태 하나로 답 하나를 냅니다.',
          en: 'Right. It reads many words and gives one answer from the last hidden state.',
        },
      },
      {
        text: { ko: '다대다 (many-to-many)', en: 'many-to-many' },
        correct: false,
        why: {
          ko: '다대다는 타임 스텝마다(또는 시퀀스로) 출력을 냅니다. 리뷰 분류의 답은 하나뿐입니다.',
          en: 'Many-to-many outputs at every step (or a whole sequence). A review gets only one label.',
        },
      },
    ],
  },
  {
    kind: 'numeric',
    id: 'sigmoid-product',
    prompt: {
      ko: '시그모이드의 미분은 아무리 커도 $0.25$입니다. 10개 타임 스텝을 거슬러 가며 이 최댓값을 10번 곱하면 얼마가 됩니다? (예: 1e-6 꼴로 써도 됩니다)',
      en: "The sigmoid's derivative is at most $0.25$. Going back 10 time steps multiplies this maximum 10 times. What is the product? (you may write e.g. 1e-6)",
    },
    answer: 0.25 ** 10,
    tolerance: 0,
    relTolerance: 0.02,
    mistakes: [
      {
        value: 2.5,
        tolerance: 1e-9,
        message: {
          ko: '더한 값입니다. 연쇄 법칙은 미분을 곱합니다.',
          en: 'That is the sum. The chain rule multiplies the derivatives.',
        },
      },
    ],
    hint: {
      ko: '$0.25^{10} = (1/4)^{10} = 1 / 4^{10}$입니다.',
      en: '$0.25^{10} = (1/4)^{10} = 1 / 4^{10}$.',
    },
    explanation: {
      ko: '$0.25^{10} = 1/1048576 \\approx 9.5 \\times 10^{-7}$. 가장 좋은 경우에도 백만분의 1 수준이라, 시그모이드를 쌓은 RNN에서는 기울기가 금세 사라집니다.',
      en: '$0.25^{10} = 1/1048576 \\approx 9.5 \\times 10^{-7}$. Even at best it is about one in a million, so gradients vanish quickly through stacked sigmoids.',
    },
    digits: 8,
  },
  {
    kind: 'numeric',
    id: 'sigmoid-derivative-2',
    prompt: {
      ko: "$\\sigma'(x) = \\sigma(x)(1 - \\sigma(x))$입니다. $x = 2$에서 $\\sigma'(2)$는 얼마입니까? (소수 셋째 자리까지)",
      en: "$\\sigma'(x) = \\sigma(x)(1 - \\sigma(x))$. What is $\\sigma'(2)$? (three decimals)",
    },
    answer: sigmoid(2) * (1 - sigmoid(2)),
    tolerance: 0.0015,
    mistakes: [
      {
        value: sigmoid(2),
        tolerance: 0.0015,
        message: {
          ko: '그것은 $\\sigma(2)$ 자체입니다. $(1 - \\sigma(2))$를 곱해야 미분이 됩니다.',
          en: 'That is $\\sigma(2)$ itself. Multiply by $(1 - \\sigma(2))$ to get the derivative.',
        },
      },
    ],
    hint: {
      ko: '$\\sigma(2) = 1/(1 + e^{-2}) \\approx 0.881$부터 구하세요.',
      en: 'Start with $\\sigma(2) = 1/(1 + e^{-2}) \\approx 0.881$.',
    },
    explanation: {
      ko: "$\\sigma(2) \\approx 0.881$이므로 $\\sigma'(2) \\approx 0.881 \\times 0.119 \\approx 0.105$. $x = 0$의 0.25보다 훨씬 작습니다. 활성화 함수 위젯에서 직접 확인해 보세요.",
      en: "$\\sigma(2) \\approx 0.881$, so $\\sigma'(2) \\approx 0.881 \\times 0.119 \\approx 0.105$, far below the 0.25 at $x = 0$. Check it in the activation widget.",
    },
  },
  {
    kind: 'numeric',
    id: 'leaky-relu',
    prompt: {
      ko: 'Leaky ReLU는 $\\max(0.1x, x)$입니다. $x = -2$일 때 출력은?',
      en: 'Leaky ReLU is $\\max(0.1x, x)$. What does it give for $x = -2$?',
    },
    answer: -0.2,
    tolerance: 1e-6,
    mistakes: [
      {
        value: 0,
        tolerance: 1e-9,
        message: {
          ko: '0은 보통 ReLU의 답입니다. Leaky ReLU는 음수 쪽에서도 기울기 0.1을 남깁니다.',
          en: 'Zero is what plain ReLU gives. Leaky ReLU keeps a slope of 0.1 on the negative side.',
        },
      },
      {
        value: -2,
        tolerance: 1e-9,
        message: {
          ko: '$-0.2$와 $-2$ 중 더 큰 값을 고르세요.',
          en: 'Pick the larger of $-0.2$ and $-2$.',
        },
      },
    ],
    explanation: {
      ko: '$\\max(0.1 \\cdot (-2), -2) = \\max(-0.2, -2) = -0.2$. 음수 입력에서도 기울기가 0이 되지 않아 뉴런이 "죽지" 않습니다.',
      en: '$\\max(0.1 \\cdot (-2), -2) = \\max(-0.2, -2) = -0.2$. The slope never becomes 0 for negative inputs, so the unit does not "die".',
    },
    digits: 1,
  },
]);

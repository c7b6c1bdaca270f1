import { defineExercises } from '../types';

export default defineExercises('bptt', [
  {
    kind: 'numeric',
    id: 'gd-step',
    prompt: {
      ko: "$f(x) = x^2$에 경사 하강법 $x_{k+1} = x_k - \\mu f'(x_k)$를 씁니다. $x_0 = 2$, 학습률 $\\mu = 0.75$일 때 $x_1$은?",
      en: "Apply gradient descent $x_{k+1} = x_k - \\mu f'(x_k)$ to $f(x) = x^2$. With $x_0 = 2$ and learning rate $\\mu = 0.75$, what is $x_1$?",
    },
    answer: 2 - 0.75 * (2 * 2),
    tolerance: 0.001,
    mistakes: [
      {
        value: 2 - 0.75 * 2,
        tolerance: 0.001,
        message: {
          ko: "$f'(x) = x$로 계산했습니다. $x^2$의 미분은 $2x$이므로 $f'(2) = 4$입니다.",
          en: "You used $f'(x) = x$. The derivative of $x^2$ is $2x$, so $f'(2) = 4$.",
        },
      },
      {
        value: 2 + 0.75 * 4,
        tolerance: 0.001,
        message: {
          ko: '기울기 방향으로 올라갔습니다. 경사 하강법은 기울기의 반대 방향으로 움직이므로 빼야 합니다.',
          en: 'You climbed along the gradient. Gradient descent moves against it, so subtract.',
        },
      },
      {
        value: 1,
        tolerance: 0.001,
        message: {
          ko: '크기는 맞지만 부호가 틀렸습니다. 한 걸음이 최솟값 0을 건너뛰어 반대편으로 갑니다.',
          en: 'Right size, wrong sign: the step jumps over the minimum at 0 to the other side.',
        },
      },
    ],
    hint: {
      ko: '$f(x) = x^2$에서는 $x_{k+1} = (1 - 2\\mu)\\,x_k$입니다.',
      en: 'For $f(x) = x^2$, $x_{k+1} = (1 - 2\\mu)\\,x_k$.',
    },
    explanation: {
      ko: '$x_1 = 2 - 0.75 \\cdot 4 = -1$. $\\mu$가 0.5와 1 사이라서 $1 - 2\\mu = -0.5$이고, 값이 0을 사이에 두고 오가며(진동) 줄어듭니다. $\\mu > 1$이면 $|1 - 2\\mu| > 1$이라 발산합니다.',
      en: '$x_1 = 2 - 0.75 \\cdot 4 = -1$. With $\\mu$ between 0.5 and 1, $1 - 2\\mu = -0.5$: the value shrinks while jumping from side to side of 0 (it oscillates). With $\\mu > 1$, $|1 - 2\\mu| > 1$ and it diverges.',
    },
  },
  {
    kind: 'numeric',
    id: 'vanish-product',
    prompt: {
      ko: '손실이 마지막 스텝 $T = 50$에만 있고, 시간 역전파(BPTT)에서 스텝마다 곱해지는 인수 $\\partial h_k / \\partial h_{k-1}$가 모두 $0.9$라고 합시다(스칼라). $\\partial L / \\partial h_0$는 $\\partial L / \\partial h_{50}$의 몇 배입니까? (예: 1e-3 꼴로 써도 됩니다)',
      en: 'Suppose the loss sits only at the last step $T = 50$ and every factor $\\partial h_k / \\partial h_{k-1}$ that backpropagation through time (BPTT) multiplies in is $0.9$ (a scalar). What multiple of $\\partial L / \\partial h_{50}$ is $\\partial L / \\partial h_0$? (you may write e.g. 1e-3)',
    },
    answer: 0.9 ** 50,
    tolerance: 0,
    relTolerance: 0.03,
    mistakes: [
      {
        value: 0.9 ** 49,
        tolerance: 0.00005,
        message: {
          ko: '인수를 하나 덜 곱했습니다. $\\prod_{k=1}^{50}$에는 인수가 50개 있습니다.',
          en: 'One factor is missing: $\\prod_{k=1}^{50}$ has 50 factors.',
        },
      },
      {
        value: 0.9 * 50,
        tolerance: 0.01,
        message: {
          ko: '인수를 더했습니다(또는 곱하기 50을 했습니다). 연쇄 법칙은 스텝마다 인수를 곱합니다.',
          en: 'You added the factors (or multiplied by 50). The chain rule multiplies one factor per step.',
        },
      },
    ],
    hint: {
      ko: '$0.9^{50}$을 계산하세요. $0.9^{10} \\approx 0.349$입니다.',
      en: 'Compute $0.9^{50}$. Note $0.9^{10} \\approx 0.349$.',
    },
    explanation: {
      ko: '$0.9^{50} \\approx 0.00515$. 인수가 1보다 조금만 작아도 50 스텝을 거슬러 가면 기울기가 약 200분의 1로 줄어듭니다. 이것이 기울기 소실이고, 먼 과거의 입력을 배우지 못하는 장기 의존성 문제의 원인입니다.',
      en: '$0.9^{50} \\approx 0.00515$. Even a factor just below 1 shrinks the gradient about 200-fold over 50 steps: the vanishing gradient, which is why distant inputs are not learned (the long-term dependency problem).',
    },
    digits: 5,
  },
  {
    kind: 'numeric',
    id: 'global-clipnorm',
    prompt: {
      ko: '가중치 텐서 둘의 기울기가 $g_a = (3, 4)$, $g_b = (0.6, 0.8)$입니다. 전체 노름으로 자르는 `global_clipnorm=1.0`(PyTorch의 `clip_grad_norm_`과 같은 방식)을 쓰면 $g_b$의 첫 성분은 얼마가 됩니까? (소수 셋째 자리까지)',
      en: "Two weight tensors have gradients $g_a = (3, 4)$ and $g_b = (0.6, 0.8)$. With `global_clipnorm=1.0` (the same scheme as PyTorch's `clip_grad_norm_`), what does the first entry of $g_b$ become? (three decimals)",
    },
    answer: 0.6 / Math.sqrt(26),
    tolerance: 0.001,
    mistakes: [
      {
        value: 0.6,
        tolerance: 0.001,
        message: {
          ko: '그것은 텐서마다 자르는 `clipnorm=1.0`의 결과입니다($\\lVert g_b \\rVert = 1$이라 그대로). 전체 노름 방식은 모든 텐서를 같은 비율로 줄입니다.',
          en: 'That is what per-tensor `clipnorm=1.0` gives ($\\lVert g_b \\rVert = 1$, so it stays). The global scheme shrinks every tensor by the same factor.',
        },
      },
      {
        value: 0.1,
        tolerance: 0.001,
        message: {
          ko: '노름을 더했습니다($5 + 1 = 6$). 전체 노름은 제곱합의 제곱근 $G = \\sqrt{5^2 + 1^2}$입니다.',
          en: 'You added the norms ($5 + 1 = 6$). The global norm is the root of the sum of squares, $G = \\sqrt{5^2 + 1^2}$.',
        },
      },
    ],
    hint: {
      ko: '$G = \\sqrt{3^2 + 4^2 + 0.6^2 + 0.8^2} = \\sqrt{26}$이고, 모든 성분에 $c / G$를 곱합니다.',
      en: '$G = \\sqrt{3^2 + 4^2 + 0.6^2 + 0.8^2} = \\sqrt{26}$, and every entry is multiplied by $c / G$.',
    },
    explanation: {
      ko: '$G = \\sqrt{26} \\approx 5.10 > 1$이므로 $0.6 \\cdot 1 / 5.10 \\approx 0.118$. 방향은 그대로이고 길이만 줄어듭니다. 강의의 `clipnorm=1.0`은 텐서마다 따로 자르므로 $g_a$만 $(0.6, 0.8)$로 줄고 $g_b$는 그대로입니다.',
      en: "$G = \\sqrt{26} \\approx 5.10 > 1$, so $0.6 \\cdot 1 / 5.10 \\approx 0.118$: the direction stays, only the length shrinks. The course's per-tensor `clipnorm=1.0` would shrink only $g_a$, to $(0.6, 0.8)$, and leave $g_b$ alone.",
    },
  },
  {
    kind: 'numeric',
    id: 'mean-baseline',
    prompt: {
      ko: '곱셈 문제에서 정답은 $[0, 1)$의 독립인 두 균등 난수의 곱 $XY$입니다. 언제나 정답의 평균만 답하는 모델의 평균 제곱 오차는 얼마입니까? (소수 넷째 자리까지)',
      en: 'In the multiplication problem the target is $XY$, the product of two independent uniform numbers in $[0, 1)$. What mean squared error does a model get that always answers the mean target? (four decimals)',
    },
    answer: 7 / 144,
    tolerance: 0.0005,
    mistakes: [
      {
        value: 1 / 144,
        tolerance: 0.0003,
        message: {
          ko: '두 분산을 곱했습니다($\\frac{1}{12} \\cdot \\frac{1}{12}$). 곱의 분산은 분산의 곱이 아닙니다.',
          en: 'You multiplied the two variances ($\\frac{1}{12} \\cdot \\frac{1}{12}$). The variance of a product is not the product of variances.',
        },
      },
      {
        value: 1 / 9,
        tolerance: 0.0005,
        message: {
          ko: '$E[(XY)^2] = 1/9$에서 멈췄습니다. 평균의 제곱 $(E[X]E[Y])^2 = 1/16$을 빼야 분산이 됩니다.',
          en: 'You stopped at $E[(XY)^2] = 1/9$. Subtract the squared mean $(E[X]E[Y])^2 = 1/16$ to get the variance.',
        },
      },
      {
        value: 1 / 16,
        tolerance: 0.0005,
        message: {
          ko: '그것은 평균의 제곱 $(1/4)^2$입니다. 평균만 답할 때의 오차는 분산입니다.',
          en: 'That is the squared mean $(1/4)^2$. Answering the mean leaves an error equal to the variance.',
        },
      },
    ],
    hint: {
      ko: '$\\mathrm{Var}(XY) = E[X^2]\\,E[Y^2] - (E[X]\\,E[Y])^2$이고, 균등 난수는 $E[X] = 1/2$, $E[X^2] = 1/3$입니다.',
      en: '$\\mathrm{Var}(XY) = E[X^2]\\,E[Y^2] - (E[X]\\,E[Y])^2$, and a uniform number has $E[X] = 1/2$, $E[X^2] = 1/3$.',
    },
    explanation: {
      ko: '$\\frac{1}{9} - \\frac{1}{16} = \\frac{7}{144} \\approx 0.0486$. 경주 차트의 회색 기준선이 이 값이며, 곡선이 이보다 뚜렷이 내려가야 모델이 무언가를 배운 것입니다.',
      en: '$\\frac{1}{9} - \\frac{1}{16} = \\frac{7}{144} \\approx 0.0486$. This is the grey baseline of the race chart; a curve must fall clearly below it before the model has learned anything.',
    },
    digits: 4,
  },
  {
    kind: 'choice',
    id: 'lstm-path',
    prompt: {
      ko: '같은 설정의 기울기 노름 위젯에서 LSTM의 $\\lVert \\partial L / \\partial h_t \\rVert$가 SimpleRNN보다 훨씬 덜 줄어드는 주된 이유는?',
      en: "In the gradient-norm widget, with the same settings, why does the LSTM's $\\lVert \\partial L / \\partial h_t \\rVert$ shrink far less than the SimpleRNN's?",
    },
    options: [
      {
        text: {
          ko: '셀 상태가 덧셈으로 이어지고, 그 길에서 곱해지는 인수가 망각 게이트 값이기 때문',
          en: 'the cell state is carried by addition, and the factor on that path is the forget gate',
        },
        correct: true,
        why: {
          ko: '맞습니다. 망각 게이트가 1에 가까우면 인수도 1에 가까워, 활성화 함수의 미분과 $W_h$를 매번 곱하는 SimpleRNN보다 기울기가 오래 살아남습니다.',
          en: "Right: with a forget gate near 1 the factor is near 1, so the gradient survives far longer than through the SimpleRNN's repeated product of activation derivatives and $W_h$.",
        },
      },
      {
        text: {
          ko: 'LSTM은 파라미터가 네 배라서',
          en: 'the LSTM has four times the parameters',
        },
        correct: false,
        why: {
          ko: '파라미터 수 자체는 기울기가 시간을 거슬러 가며 줄어드는 정도를 정하지 않습니다. 중요한 것은 스텝마다 곱해지는 인수입니다.',
          en: 'The parameter count does not set how fast the gradient shrinks going back in time; the factor multiplied in at each step does.',
        },
      },
      {
        text: {
          ko: 'LSTM은 안에서 기울기 클리핑을 하기 때문',
          en: 'the LSTM clips its gradients internally',
        },
        correct: false,
        why: {
          ko: '클리핑은 옵티마이저의 옵션이고, 그것도 폭발을 막을 뿐 소실을 막지는 못합니다.',
          en: 'Clipping is an optimizer option, and it only stops explosions; it cannot undo vanishing.',
        },
      },
      {
        text: {
          ko: 'LSTM은 $\\tanh$ 대신 ReLU를 쓰기 때문',
          en: 'the LSTM uses ReLU instead of $\\tanh$',
        },
        correct: false,
        why: {
          ko: 'LSTM은 게이트에 시그모이드, 후보와 출력에 $\\tanh$를 씁니다. 그리고 ReLU에 큰 순환 가중치를 주면 오히려 폭발합니다.',
          en: 'The LSTM uses sigmoids for its gates and $\\tanh$ for the candidate and output; and ReLU with a large recurrent weight explodes instead.',
        },
      },
    ],
  },
]);

import { defineExercises } from '../types';

export default defineExercises('gru', [
  {
    kind: 'numeric',
    id: 'reset-after-params',
    prompt: {
      ko: '$D = 10$, $H = 20$일 때 Keras GRU의 파라미터는 `reset_after=False`면 $3H(D + H + 1) = 1860$개입니다. TF2의 기본값 `reset_after=True`에서는 몇 개입니까?',
      en: 'With $D = 10$ and $H = 20$, a Keras GRU with `reset_after=False` has $3H(D + H + 1) = 1860$ parameters. How many with the TF2 default, `reset_after=True`?',
    },
    answer: 3 * 20 * (10 + 20 + 2),
    tolerance: 0,
    mistakes: [
      {
        value: 1860,
        tolerance: 0,
        message: {
          ko: '그것은 `reset_after=False`의 값입니다. 리셋 게이트를 곱 다음에 쓰면 순환 쪽 편향 $b_{hn}$ 등이 한 벌 더 생깁니다.',
          en: 'That is the `reset_after=False` count. Applying the reset gate after the product adds a second, recurrent set of biases.',
        },
      },
      {
        value: 1860 + 20,
        tolerance: 0,
        message: {
          ko: '$b_{hn}$만 더했습니다. Keras는 세 블록 모두에 순환 편향을 한 벌씩 둡니다($3H$개).',
          en: 'You added only $b_{hn}$. Keras keeps a recurrent bias for all three blocks ($3H$ of them).',
        },
      },
      {
        value: 4 * 20 * 31,
        tolerance: 0,
        message: {
          ko: '그것은 같은 크기 LSTM의 개수 $4H(D + H + 1)$입니다. GRU는 블록이 셋입니다.',
          en: "That is the same-size LSTM's count, $4H(D + H + 1)$. A GRU has three blocks.",
        },
      },
    ],
    hint: {
      ko: '편향이 블록마다 두 벌이 되므로 $3H(D + H + 2)$입니다.',
      en: 'The biases come twice per block, so it is $3H(D + H + 2)$.',
    },
    explanation: {
      ko: '$3 \\cdot 20 \\cdot (10 + 20 + 2) = 1920$. PyTorch의 `nn.GRU(10, 20)`도 `bias_ih`와 `bias_hh`를 따로 두어 같은 1920개입니다.',
      en: "$3 \\cdot 20 \\cdot (10 + 20 + 2) = 1920$. PyTorch's `nn.GRU(10, 20)` also keeps `bias_ih` and `bias_hh` apart: the same 1920.",
    },
    digits: 0,
  },
  {
    kind: 'numeric',
    id: 'mix-course',
    prompt: {
      ko: '수업의 표기 $h_t = (1 - z_t) \\odot h_{t-1} + z_t \\odot \\tilde{h}_t$에서 $z_t = 0.25$, $h_{t-1} = 0.8$, $\\tilde{h}_t = -0.4$라면 $h_t$는?',
      en: "In the course's form $h_t = (1 - z_t) \\odot h_{t-1} + z_t \\odot \\tilde{h}_t$, with $z_t = 0.25$, $h_{t-1} = 0.8$ and $\\tilde{h}_t = -0.4$, what is $h_t$?",
    },
    answer: 0.75 * 0.8 + 0.25 * -0.4,
    tolerance: 0.001,
    mistakes: [
      {
        value: 0.25 * 0.8 + 0.75 * -0.4,
        tolerance: 0.001,
        message: {
          ko: 'Keras·PyTorch 관례($z_t$가 옛 상태를 지킴)로 계산했습니다. 이 문제는 수업의 관례입니다.',
          en: "You used the Keras/PyTorch convention ($z_t$ keeps the old state). This question uses the course's.",
        },
      },
    ],
    explanation: {
      ko: '$0.75 \\cdot 0.8 + 0.25 \\cdot (-0.4) = 0.6 - 0.1 = 0.5$. 업데이트 게이트가 작으니 옛 상태가 대부분 남습니다.',
      en: '$0.75 \\cdot 0.8 + 0.25 \\cdot (-0.4) = 0.6 - 0.1 = 0.5$. With a small update gate most of the old state stays.',
    },
  },
  {
    kind: 'choice',
    id: 'convention-flip',
    prompt: {
      ko: '수업 관례로 학습한 GRU의 가중치를 Keras 관례($h_t = z_t \\odot h_{t-1} + (1 - z_t) \\odot \\tilde{h}_t$)로 옮겨 같은 함수를 계산하려면?',
      en: "To move a GRU trained in the course's convention to the Keras convention ($h_t = z_t \\odot h_{t-1} + (1 - z_t) \\odot \\tilde{h}_t$) so that it computes the same function, you…",
    },
    options: [
      {
        text: {
          ko: '업데이트 게이트의 $W_z$, $U_z$, $b_z$ 부호를 모두 바꾼다',
          en: "negate the update gate's $W_z$, $U_z$ and $b_z$",
        },
        correct: true,
        why: {
          ko: '맞습니다. $1 - \\sigma(a) = \\sigma(-a)$이므로 부호를 바꾼 게이트가 정확히 $1 - z_t$가 됩니다.',
          en: 'Right: $1 - \\sigma(a) = \\sigma(-a)$, so the negated gate is exactly $1 - z_t$.',
        },
      },
      {
        text: { ko: '아무것도 바꾸지 않는다', en: 'change nothing' },
        correct: false,
        why: {
          ko: '같은 가중치면 옛 상태와 후보의 몫이 뒤바뀌어 다른 $h_t$가 나옵니다.',
          en: 'With the same weights the shares of old state and candidate swap, giving a different $h_t$.',
        },
      },
      {
        text: { ko: '리셋 게이트의 부호를 바꾼다', en: 'negate the reset gate' },
        correct: false,
        why: {
          ko: '리셋 게이트는 다른 축(곱 전/후)과 관련 있습니다. 섞는 쪽을 바꾸는 것은 업데이트 게이트입니다.',
          en: "The reset gate belongs to the other axis (before or after the product). The mix is the update gate's.",
        },
      },
      {
        text: { ko: '$\\tilde{h}_t$에 $-1$을 곱한다', en: 'multiply $\\tilde{h}_t$ by $-1$' },
        correct: false,
        why: {
          ko: '후보의 부호를 바꾸면 함수가 달라집니다. 바뀌어야 하는 것은 두 몫의 배분입니다.',
          en: 'Flipping the candidate changes the function; what must change is how the two shares are split.',
        },
      },
    ],
  },
  {
    kind: 'choice',
    id: 'pytorch-shapes',
    prompt: {
      ko: '`nn.GRU(input_size=10, hidden_size=20, batch_first=True)`에 모양 $(5, 3, 10)$ 입력을 넣으면 `output`의 모양은?',
      en: '`nn.GRU(input_size=10, hidden_size=20, batch_first=True)` gets an input of shape $(5, 3, 10)$. What shape is `output`?',
    },
    options: [
      {
        text: { ko: '$(5, 3, 20)$', en: '$(5, 3, 20)$' },
        correct: true,
        why: {
          ko: '맞습니다. 배치 5, 길이 3은 그대로이고, 타임 스텝마다 은닉 상태 20개가 나옵니다.',
          en: 'Right: batch 5 and length 3 stay, and each time step gives a hidden state of 20.',
        },
      },
      {
        text: { ko: '$(1, 5, 20)$', en: '$(1, 5, 20)$' },
        correct: false,
        why: {
          ko: '그것은 마지막 은닉 상태 `h_n`의 모양입니다(층 × 방향, 배치, 은닉 크기).',
          en: 'That is the shape of `h_n`, the last hidden state (layers × directions, batch, hidden).',
        },
      },
      {
        text: { ko: '$(3, 5, 20)$', en: '$(3, 5, 20)$' },
        correct: false,
        why: {
          ko: '`batch_first=False`일 때의 모양입니다. 여기서는 배치 축이 앞에 옵니다.',
          en: 'That is the shape with `batch_first=False`. Here the batch axis comes first.',
        },
      },
      {
        text: { ko: '$(5, 20)$', en: '$(5, 20)$' },
        correct: false,
        why: {
          ko: 'PyTorch의 `output`은 모든 타임 스텝을 돌려줍니다. Keras의 `return_sequences=False`와 헷갈리지 마세요.',
          en: "PyTorch's `output` holds every time step; do not confuse it with Keras's `return_sequences=False`.",
        },
      },
    ],
  },
  {
    kind: 'numeric',
    id: 'fair-hidden',
    prompt: {
      ko: '입력 크기 $D = 2$인 `LSTM(30)`은 $4 \\cdot 30 \\cdot 33 = 3960$개의 파라미터를 가집니다. 같은 $D$에서 GRU(`reset_after=False`, $3H(D + H + 1)$)가 이 수를 넘지 않는 가장 큰 $H$는?',
      en: 'With input size $D = 2$, `LSTM(30)` has $4 \\cdot 30 \\cdot 33 = 3960$ parameters. What is the largest $H$ for which a GRU (`reset_after=False`, $3H(D + H + 1)$) with the same $D$ stays within that?',
    },
    answer: 34,
    tolerance: 0,
    mistakes: [
      {
        value: 30,
        tolerance: 0,
        message: {
          ko: '크기가 같으면 GRU가 더 작습니다. 파라미터 수를 맞추면 유닛을 더 쓸 수 있습니다.',
          en: 'At the same size the GRU is smaller; matching the parameter count buys it more units.',
        },
      },
      {
        value: 35,
        tolerance: 0,
        message: {
          ko: '$3 \\cdot 35 \\cdot 38 = 3990$으로 3960을 넘습니다.',
          en: '$3 \\cdot 35 \\cdot 38 = 3990$, which exceeds 3960.',
        },
      },
      {
        value: 40,
        tolerance: 0,
        message: {
          ko: '$4/3$배로 늘리면 될 것 같지만, 개수는 $H$에 대해 거의 제곱으로 늘어납니다. $3 \\cdot 40 \\cdot 43 = 5160$입니다.',
          en: 'Scaling by $4/3$ is tempting, but the count grows almost with $H^2$: $3 \\cdot 40 \\cdot 43 = 5160$.',
        },
      },
    ],
    hint: {
      ko: '$3H(H + 3) \\le 3960$, 곧 $H(H + 3) \\le 1320$을 만족하는 가장 큰 정수를 찾으세요.',
      en: 'Find the largest whole $H$ with $3H(H + 3) \\le 3960$, i.e. $H(H + 3) \\le 1320$.',
    },
    explanation: {
      ko: '$H = 34$: $3 \\cdot 34 \\cdot 37 = 3774 \\le 3960$, $H = 35$: 3990. 경주 위젯의 "파라미터 수를 같게"도 같은 방식으로 생각합니다.',
      en: '$H = 34$: $3 \\cdot 34 \\cdot 37 = 3774 \\le 3960$; $H = 35$: 3990. The race widget\'s "equal parameter counts" follows the same reasoning.',
    },
    digits: 0,
  },
]);

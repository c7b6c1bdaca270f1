import { defineExercises } from '../types';

export default defineExercises('sentiment', [
  {
    kind: 'numeric',
    id: 'default-params',
    prompt: {
      ko: '학습 위젯의 기본 모델은 `Embedding(10000, 32)` → `LSTM(32)` → `Dense(1, sigmoid)`입니다. Keras의 `model.summary()`처럼 세면 전체 파라미터는 몇 개입니까?',
      en: "The training widget's default model is `Embedding(10000, 32)` → `LSTM(32)` → `Dense(1, sigmoid)`. Counted as Keras's `model.summary()` counts, how many parameters does it have in all?",
    },
    answer: 10000 * 32 + 4 * 32 * (32 + 32 + 1) + (32 + 1),
    tolerance: 0,
    mistakes: [
      {
        value: 4 * 32 * (32 + 32 + 1) + (32 + 1),
        tolerance: 0,
        message: {
          ko: '임베딩 층을 빠뜨렸습니다. 워드 임베딩 행렬($10000 \\times 32$)도 학습하는 파라미터입니다.',
          en: 'The embedding layer is missing: the word-embedding matrix ($10000 \\times 32$) is trained too.',
        },
      },
      {
        value: 10000 * 32 + 4 * 32 * (32 + 32) + (32 + 1),
        tolerance: 0,
        message: {
          ko: 'LSTM의 편향을 빠뜨렸습니다. 네 블록 각각에 유닛마다 편향이 있어 $4H(E + H + 1)$입니다.',
          en: "The LSTM's biases are missing: each of the four blocks has one per unit, so it is $4H(E + H + 1)$.",
        },
      },
      {
        value: 10000 * 32 + 32 * (32 + 32 + 1) + (32 + 1),
        tolerance: 0,
        message: {
          ko: 'LSTM 블록을 하나만 셌습니다. 망각·입력·후보·출력 네 블록이 각자 가중치를 가집니다.',
          en: 'You counted one LSTM block. The forget, input, candidate and output blocks each have their own weights.',
        },
      },
    ],
    hint: {
      ko: '임베딩은 $10000 \\cdot 32$, LSTM은 $4H(E + H + 1)$에 $E = H = 32$, Dense(1)은 가중치 32개와 편향 1개입니다.',
      en: 'The embedding has $10000 \\cdot 32$, the LSTM $4H(E + H + 1)$ with $E = H = 32$, and Dense(1) 32 weights plus a bias.',
    },
    explanation: {
      ko: '$320000 + 4 \\cdot 32 \\cdot 65 + 33 = 320000 + 8320 + 33 = 328353$. 파라미터의 97 % 이상이 임베딩에 있습니다. 어휘를 줄이면 모델이 크게 작아지는 까닭입니다.',
      en: '$320000 + 4 \\cdot 32 \\cdot 65 + 33 = 320000 + 8320 + 33 = 328353$. Over 97 % of the parameters sit in the embedding, which is why a smaller vocabulary shrinks the model so much.',
    },
    digits: 0,
  },
  {
    kind: 'numeric',
    id: 'softmax-head',
    prompt: {
      ko: '강의의 NSMC 모델은 `LSTM(50)` 뒤에 `Dense(2, softmax)`를 둡니다. 이 출력층의 파라미터는 몇 개입니까? (이 교재의 `Dense(1, sigmoid)`는 51개입니다)',
      en: "The course's NSMC model puts `Dense(2, softmax)` after `LSTM(50)`. How many parameters does this output layer have? (This textbook's `Dense(1, sigmoid)` has 51.)",
    },
    answer: 2 * (50 + 1),
    tolerance: 0,
    mistakes: [
      {
        value: 100,
        tolerance: 0,
        message: {
          ko: '편향을 빠뜨렸습니다. 출력 유닛마다 편향이 하나씩 있습니다.',
          en: 'The biases are missing: each output unit has one.',
        },
      },
      {
        value: 51,
        tolerance: 0,
        message: {
          ko: '그것은 출력 유닛이 하나일 때입니다. 소프트맥스 출력은 클래스마다 유닛이 하나씩, 둘입니다.',
          en: 'That is for one output unit. A softmax output has one unit per class: two.',
        },
      },
    ],
    hint: {
      ko: '유닛 2개가 각각 입력 50개의 가중치와 편향 하나를 가집니다.',
      en: 'Each of the 2 units has 50 input weights and one bias.',
    },
    explanation: {
      ko: '$2 \\cdot (50 + 1) = 102$. 두 클래스의 소프트맥스는 두 로짓의 차이만 쓰므로, 시그모이드 하나(51개)와 같은 일을 더 많은 파라미터로 합니다.',
      en: '$2 \\cdot (50 + 1) = 102$. A two-class softmax only uses the difference of its two logits, so it does the same job as one sigmoid (51 parameters) with more parameters.',
    },
    digits: 0,
  },
  {
    kind: 'numeric',
    id: 'bce-one-review',
    prompt: {
      ko: '긍정 리뷰(레이블 1)에 모델이 긍정 확률 $p = 0.8$을 냈습니다. 이 리뷰 하나의 이진 교차 엔트로피 손실 $-[y \\ln p + (1 - y) \\ln(1 - p)]$는? (소수 셋째 자리까지)',
      en: 'For a positive review (label 1) the model outputs a positive probability $p = 0.8$. What is the binary cross-entropy loss $-[y \\ln p + (1 - y) \\ln(1 - p)]$ for this one review? (three decimals)',
    },
    answer: -Math.log(0.8),
    tolerance: 0.001,
    mistakes: [
      {
        value: -Math.log10(0.8),
        tolerance: 0.001,
        message: {
          ko: '상용로그($\\log_{10}$)를 썼습니다. 교차 엔트로피는 자연로그 $\\ln$입니다.',
          en: 'You used $\\log_{10}$. Cross-entropy uses the natural logarithm $\\ln$.',
        },
      },
      {
        value: -Math.log(0.2),
        tolerance: 0.001,
        message: {
          ko: '$\\ln(1 - p)$ 항을 썼습니다. 레이블이 1이면 남는 항은 $-\\ln p$입니다.',
          en: 'You used the $\\ln(1 - p)$ term. With label 1 the term that remains is $-\\ln p$.',
        },
      },
    ],
    hint: {
      ko: '$y = 1$이면 손실은 $-\\ln p$입니다.',
      en: 'With $y = 1$ the loss is $-\\ln p$.',
    },
    explanation: {
      ko: '$-\\ln 0.8 \\approx 0.223$. 모델이 정답에 확신할수록($p \\to 1$) 손실은 0에 가까워지고, 틀린 쪽에 확신하면($p \\to 0$) 한없이 커집니다.',
      en: '$-\\ln 0.8 \\approx 0.223$. The surer the model is of the right answer ($p \\to 1$) the closer the loss gets to 0; confidently wrong ($p \\to 0$), it grows without bound.',
    },
  },
  {
    kind: 'choice',
    id: 'pad-front',
    prompt: {
      ko: '마지막 은닉 상태로 감성을 판단하는 순환 신경망에 짧은 리뷰를 길이 100으로 맞춰 넣습니다. 0을 앞(pre)에 채우는 것이 나은 이유는?',
      en: 'Short reviews are brought to length 100 for a recurrent network that judges from its last hidden state. Why is padding zeros at the front (pre) better?',
    },
    options: [
      {
        text: {
          ko: '실제 단어가 끝에 와서, 판단하는 순간의 은닉 상태에 그 단어들이 가장 덜 흐려진 채 남으므로',
          en: 'the real words come last, so they are the least blurred in the hidden state at the moment of judgement',
        },
        correct: true,
        why: {
          ko: '맞습니다. 뒤(post)에 채우면 단어를 다 읽은 뒤에도 0을 수십 번 더 읽어 기억이 흐려집니다. 케라스 `pad_sequences`의 기본값도 앞입니다.',
          en: "Right: with post padding the network reads dozens of zeros after the last word and its memory fades. Keras's `pad_sequences` also defaults to pre.",
        },
      },
      {
        text: {
          ko: '앞의 0은 모델이 읽지 않고 건너뛰므로 계산이 빨라서',
          en: 'the model skips the leading zeros, so it computes faster',
        },
        correct: false,
        why: {
          ko: '마스킹을 따로 켜지 않으면 순환층은 패딩 스텝도 모두 계산합니다. 길이가 같으니 계산량도 같습니다.',
          en: 'Without masking the recurrent layer runs every padded step too; the length is the same, and so is the work.',
        },
      },
      {
        text: {
          ko: '뒤에 채우면 0번이 `<OOV>`로 바뀌어서',
          en: 'post padding turns id 0 into `<OOV>`',
        },
        correct: false,
        why: {
          ko: '패딩은 어느 쪽이든 0번(`<PAD>`)이고, `<OOV>`는 1번입니다.',
          en: 'Padding is id 0 (`<PAD>`) on either side; `<OOV>` is id 1.',
        },
      },
      {
        text: {
          ko: '둘은 아무 차이가 없다',
          en: 'it makes no difference',
        },
        correct: false,
        why: {
          ko: '순환 신경망은 순서대로 읽으므로 0이 단어 앞에 오는지 뒤에 오는지가 마지막 은닉 상태를 바꿉니다.',
          en: 'A recurrent network reads in order, so whether the zeros come before or after the words changes the last hidden state.',
        },
      },
    ],
  },
  {
    kind: 'choice',
    id: 'vocab-from-train',
    prompt: {
      ko: '이 교재는 어휘 사전을 학습 데이터(80 %)로만 만듭니다. 검증 데이터까지 넣어 사전을 만들면 무엇이 문제입니까?',
      en: 'This textbook builds the vocabulary from the training part (80 %) only. What goes wrong if the validation reviews are included too?',
    },
    options: [
      {
        text: {
          ko: '검증에만 나오는 단어가 `<OOV>`가 되지 않아, 처음 보는 리뷰에서보다 검증 정확도가 좋게 나올 수 있다',
          en: 'words found only in validation reviews stop being `<OOV>`, so validation accuracy can look better than it would on truly new reviews',
        },
        correct: true,
        why: {
          ko: '맞습니다. 검증 데이터의 정보가 학습 쪽으로 새는 것입니다. 믿을 수 있는 정확도를 얻으려면 검증 데이터를 어디에도 쓰지 않아야 합니다.',
          en: 'Right: information leaks from the validation data into training. A trustworthy accuracy needs validation data used nowhere else.',
        },
      },
      {
        text: {
          ko: '임베딩 행렬의 행 수가 어휘 크기 N과 달라져 학습이 멈춘다',
          en: 'the embedding matrix no longer has N rows, and training stops',
        },
        correct: false,
        why: {
          ko: '사전은 여전히 가장 자주 나온 N개만 남기므로 임베딩 크기는 같습니다. 문제는 어떤 단어가 뽑히느냐입니다.',
          en: 'The vocabulary still keeps the N most frequent words, so the embedding keeps its size; what changes is which words get in.',
        },
      },
      {
        text: {
          ko: '학습 곡선에서 바로 과적합이 보인다',
          en: 'overfitting shows up at once in the training curves',
        },
        correct: false,
        why: {
          ko: '정보가 새면 오히려 검증 정확도가 실제보다 좋아 보여 과적합을 가릴 수 있습니다.',
          en: 'A leak makes validation accuracy look better than it is; if anything it hides overfitting.',
        },
      },
      {
        text: {
          ko: '아무 문제 없다. 레이블만 쓰지 않으면 된다',
          en: 'nothing: only the labels must stay out of training',
        },
        correct: false,
        why: {
          ko: '레이블이 없어도 단어 목록 자체가 검증 데이터에서 온 정보입니다.',
          en: 'Even without labels, the word list itself is information taken from the validation data.',
        },
      },
    ],
  },
]);

import { defineExercises } from '../types';

export default defineExercises('lda', [
  {
    kind: 'numeric',
    id: 'gamma-update',
    prompt: {
      ko: '토픽 수 $K = 5$에 scikit-learn 기본값 $\\alpha = 1/K$를 씁니다. 어떤 문서에 "비"가 2번, "골"이 1번, "우산"이 3번 나오고, E 단계에서 각 단어가 날씨 토픽에서 왔을 몫 $\\phi$가 0.9, 0.1, 0.8입니다. 날씨 토픽의 $\\gamma_{dk} = \\alpha + \\sum_w n_{dw}\\,\\phi_{dwk}$는?',
      en: 'Take $K = 5$ topics with the scikit-learn default $\\alpha = 1/K$. A document has "rain" twice, "goal" once and "umbrella" three times, and the E-step gives each word a share $\\phi$ of 0.9, 0.1 and 0.8 for the weather topic. What is $\\gamma_{dk} = \\alpha + \\sum_w n_{dw}\\,\\phi_{dwk}$ for the weather topic?',
    },
    answer: 1 / 5 + 2 * 0.9 + 1 * 0.1 + 3 * 0.8,
    tolerance: 0.001,
    mistakes: [
      {
        value: 2 * 0.9 + 1 * 0.1 + 3 * 0.8,
        tolerance: 0.001,
        message: {
          ko: '사전분포 $\\alpha$를 빠뜨렸습니다. $\\gamma$는 $\\alpha$에서 출발해 단어의 몫을 더합니다.',
          en: "The prior $\\alpha$ is missing: $\\gamma$ starts at $\\alpha$ and adds the words' shares.",
        },
      },
      {
        value: 1 / 5 + 0.9 + 0.1 + 0.8,
        tolerance: 0.001,
        message: {
          ko: '단어마다 한 번씩만 더했습니다. 나온 횟수 $n_{dw}$만큼 곱해야 합니다.',
          en: 'You added each word once. Each share is weighted by the count $n_{dw}$.',
        },
      },
      {
        value: 0.1 + 2 * 0.9 + 1 * 0.1 + 3 * 0.8,
        tolerance: 0.001,
        message: {
          ko: '$\\alpha = 0.1$은 강의의 $K = 10$일 때 값입니다. 여기서는 $K = 5$라 $\\alpha = 0.2$입니다.',
          en: "$\\alpha = 0.1$ belongs to the course's $K = 10$. Here $K = 5$, so $\\alpha = 0.2$.",
        },
      },
    ],
    hint: {
      ko: '$\\alpha = 1/5 = 0.2$이고, 합은 $2 \\cdot 0.9 + 1 \\cdot 0.1 + 3 \\cdot 0.8$입니다.',
      en: '$\\alpha = 1/5 = 0.2$, and the sum is $2 \\cdot 0.9 + 1 \\cdot 0.1 + 3 \\cdot 0.8$.',
    },
    explanation: {
      ko: '$0.2 + 1.8 + 0.1 + 2.4 = 4.5$. 여섯 단어 가운데 약 4.3개가 날씨 토픽 몫이므로, $\\gamma_d$를 합이 1이 되게 나눈 토픽 비율 $\\theta_d$에서 날씨가 가장 큽니다.',
      en: '$0.2 + 1.8 + 0.1 + 2.4 = 4.5$. About 4.3 of the six words go to the weather topic, so weather dominates the topic proportion $\\theta_d$ (that is $\\gamma_d$ normalised to sum to 1).',
    },
  },
  {
    kind: 'numeric',
    id: 'word-in-document',
    prompt: {
      ko: '토픽 비율이 $\\theta_d = (0.6, 0.4)$인 문서가 있습니다. 단어 "gene"의 확률이 유전학 토픽에서 $0.04$, 신경과학 토픽에서 $0.005$라면, 이 문서에서 다음 단어가 "gene"일 확률 $\\sum_k \\theta_{dk}\\,\\beta_{kw}$는?',
      en: 'A document has topic proportions $\\theta_d = (0.6, 0.4)$. The word "gene" has probability $0.04$ in the genetics topic and $0.005$ in the neuroscience topic. What is the probability $\\sum_k \\theta_{dk}\\,\\beta_{kw}$ that the document\'s next word is "gene"?',
    },
    answer: 0.6 * 0.04 + 0.4 * 0.005,
    tolerance: 0.0002,
    mistakes: [
      {
        value: 0.6 * 0.04,
        tolerance: 0.0002,
        message: {
          ko: '가장 큰 토픽만 썼습니다. 단어는 어느 토픽에서나 나올 수 있으므로 모든 토픽을 비율만큼 더합니다.',
          en: 'You used only the largest topic. The word can come from any topic, so all topics are added, weighted by their proportions.',
        },
      },
      {
        value: 0.04 + 0.005,
        tolerance: 0.0002,
        message: {
          ko: '토픽 비율을 곱하지 않았습니다. 각 토픽의 확률에 $\\theta_{dk}$를 곱해 더합니다.',
          en: "The topic proportions are missing: multiply each topic's probability by $\\theta_{dk}$ before adding.",
        },
      },
      {
        value: (0.04 + 0.005) / 2,
        tolerance: 0.0002,
        message: {
          ko: '두 토픽을 반반으로 섞었습니다. 이 문서의 비율은 0.6과 0.4입니다.',
          en: "You mixed the two topics half and half. This document's proportions are 0.6 and 0.4.",
        },
      },
    ],
    hint: {
      ko: '$0.6 \\cdot 0.04 + 0.4 \\cdot 0.005$입니다.',
      en: '$0.6 \\cdot 0.04 + 0.4 \\cdot 0.005$.',
    },
    explanation: {
      ko: '$0.024 + 0.002 = 0.026$. 문서 완성 퍼플렉서티는 빼 둔 절반의 단어마다 이 확률의 로그를 더해 $\\exp\\big(-\\tfrac{1}{N}\\sum \\log \\sum_k \\theta_{dk}\\beta_{kw}\\big)$로 계산합니다.',
      en: '$0.024 + 0.002 = 0.026$. Document-completion perplexity adds the log of this probability for every word of the held-out half: $\\exp\\big(-\\tfrac{1}{N}\\sum \\log \\sum_k \\theta_{dk}\\beta_{kw}\\big)$.',
    },
    digits: 4,
  },
  {
    kind: 'numeric',
    id: 'sklearn-perplexity',
    prompt: {
      ko: '단어 $N = 10000$개인 말뭉치에서 변분 하한이 $\\mathcal{L} = -46000$입니다. scikit-learn의 정의 $\\exp(-\\mathcal{L}/N)$로 퍼플렉서티는? (소수 첫째 자리까지)',
      en: "On a corpus of $N = 10000$ words the variational bound is $\\mathcal{L} = -46000$. What is the perplexity by scikit-learn's definition, $\\exp(-\\mathcal{L}/N)$? (one decimal)",
    },
    answer: Math.exp(46000 / 10000),
    tolerance: 0.1,
    mistakes: [
      {
        value: 4.6,
        tolerance: 0.01,
        message: {
          ko: '지수 함수를 빠뜨렸습니다. $-\\mathcal{L}/N = 4.6$은 단어당 평균 음의 로그 가능도(의 하한)이고, 퍼플렉서티는 그 $\\exp$입니다.',
          en: 'The exponential is missing. $-\\mathcal{L}/N = 4.6$ is the (bound on the) average negative log-likelihood per word; perplexity is its $\\exp$.',
        },
      },
      {
        value: Math.exp(-4.6),
        tolerance: 0.001,
        message: {
          ko: '부호를 놓쳤습니다. 하한은 음수이므로 $-\\mathcal{L}/N$은 양수 4.6이고, 퍼플렉서티는 1보다 큽니다.',
          en: 'A sign slipped. The bound is negative, so $-\\mathcal{L}/N$ is $+4.6$ and the perplexity is above 1.',
        },
      },
      {
        value: 10 ** 4.6,
        tolerance: 10,
        message: {
          ko: '$10^{4.6}$을 계산했습니다. 하한은 자연로그로 잰 값이므로 밑은 $e$입니다.',
          en: 'You computed $10^{4.6}$. The bound is in natural logarithms, so the base is $e$.',
        },
      },
    ],
    hint: {
      ko: '$-\\mathcal{L}/N = 46000/10000 = 4.6$이고, $e^{4.6}$을 구하세요.',
      en: '$-\\mathcal{L}/N = 46000/10000 = 4.6$; now compute $e^{4.6}$.',
    },
    explanation: {
      ko: '$e^{4.6} \\approx 99.5$. 모델이 단어 하나를 평균 100개쯤의 후보 중에서 고르는 것만큼 헷갈린다는 뜻입니다. 하한은 진짜 로그 가능도보다 작으므로 이 값은 실제 퍼플렉서티를 과대평가합니다.',
      en: '$e^{4.6} \\approx 99.5$: the model is as unsure as if it picked each word from about 100 candidates. The bound lies below the true log-likelihood, so this value overstates the real perplexity.',
    },
    digits: 1,
  },
  {
    kind: 'choice',
    id: 'small-alpha',
    prompt: {
      ko: '$\\alpha = 0.1$처럼 1보다 작은 문서-토픽 사전분포로 학습하면 어떤 일이 일어납니까?',
      en: 'What happens when you train with a document-topic prior below 1, such as $\\alpha = 0.1$?',
    },
    options: [
      {
        text: {
          ko: '문서마다 토픽 비율 $\\theta_d$가 한두 토픽에 몰린다',
          en: "each document's topic proportion $\\theta_d$ concentrates on one or two topics",
        },
        correct: true,
        why: {
          ko: '맞습니다. 1보다 작은 디리클레 매개변수는 몇 개의 성분에 확률을 몰아주는 희소한 비율을 선호합니다.',
          en: 'Right: a Dirichlet parameter below 1 favours sparse proportions that put their mass on a few components.',
        },
      },
      {
        text: {
          ko: '문서마다 모든 토픽이 고르게 섞인다',
          en: 'every document mixes all topics evenly',
        },
        correct: false,
        why: {
          ko: '그것은 $\\alpha$가 클 때(1 이상)입니다.',
          en: 'That happens with a large $\\alpha$ (1 or more).',
        },
      },
      {
        text: {
          ko: '토픽마다 확률이 적은 단어에 집중한다',
          en: 'each topic concentrates on fewer words',
        },
        correct: false,
        why: {
          ko: '그것은 토픽-단어 사전분포 $\\eta$를 작게 했을 때입니다. $\\alpha$는 문서 안의 토픽 비율을 다룹니다.',
          en: 'That is what a small topic-word prior $\\eta$ does. $\\alpha$ governs the topic proportions within documents.',
        },
      },
      {
        text: {
          ko: '토픽 수 $K$가 저절로 줄어든다',
          en: 'the number of topics $K$ shrinks by itself',
        },
        correct: false,
        why: {
          ko: '$K$는 `n_components`로 정하는 고정값입니다. 쓰이지 않는 토픽이 생길 수는 있어도 개수는 그대로입니다.',
          en: '$K$ is fixed by `n_components`. Some topics may end up little used, but the count stays.',
        },
      },
    ],
  },
  {
    kind: 'choice',
    id: 'small-heldout',
    prompt: {
      ko: '빼 둔 문서 20편으로 잰 scikit-learn의 `perplexity`가 학습 문서로 잰 값보다 수백 배 큽니다. 가장 큰 이유는?',
      en: "scikit-learn's `perplexity` measured on 20 held-out documents is hundreds of times the value on the training documents. What is the main reason?",
    },
    options: [
      {
        text: {
          ko: '하한에 문서 수와 상관없이 한 번 더해지는 토픽 전체의 항 $\\mathbb{E}[\\log p(\\beta \\mid \\eta) - \\log q(\\beta \\mid \\lambda)]$이 적은 단어 수 $N$으로 나뉘어 지배하기 때문',
          en: 'the bound includes a topic-level term $\\mathbb{E}[\\log p(\\beta \\mid \\eta) - \\log q(\\beta \\mid \\lambda)]$ added once whatever the number of documents, and divided by a small word count $N$ it dominates',
        },
        correct: true,
        why: {
          ko: '맞습니다. 이 항은 $V$와 $K$에 비례하는 큰 음수라서, 학습 문서 전체의 큰 $N$에서는 희석되지만 몇십 편에서는 퍼플렉서티를 부풀립니다.',
          en: 'Right: the term is a large negative number proportional to $V$ and $K$. The large $N$ of the whole training set dilutes it; a few dozen documents do not.',
        },
      },
      {
        text: {
          ko: '모델이 심하게 과적합했기 때문',
          en: 'the model overfits badly',
        },
        correct: false,
        why: {
          ko: '과적합만으로 수백 배 차이가 나기는 어렵습니다. 같은 빼 둔 문서도 문서 완성 퍼플렉서티로 재면 이렇게 부풀지 않습니다.',
          en: 'Overfitting alone rarely opens a hundredfold gap; the same held-out documents measured by document completion do not swell like this.',
        },
      },
      {
        text: {
          ko: '빼 둔 문서의 단어는 단어장에 없기 때문',
          en: 'the held-out words are not in the vocabulary',
        },
        correct: false,
        why: {
          ko: '빼 둔 문서도 같은 단어장으로 세며, 단어장에 없는 단어는 아예 세지 않습니다.',
          en: 'Held-out documents are counted with the same vocabulary; words outside it are simply not counted.',
        },
      },
      {
        text: {
          ko: '퍼플렉서티는 단어가 적을수록 언제나 커지도록 정의되었기 때문',
          en: 'perplexity is defined so that it always grows as there are fewer words',
        },
        correct: false,
        why: {
          ko: '단어당 평균으로 정의되어 있어 원래는 단어 수에 따라 커지지 않습니다. 문제는 단어 수와 상관없는 항이 하나 섞여 있다는 것입니다.',
          en: 'It is a per-word average and would not grow with fewer words by itself; the trouble is one term that does not scale with the words.',
        },
      },
    ],
  },
]);

import { defineExercises } from '../types';

/** One small table for the first three exercises: N = 10 sentences. */
const TABLE = {
  ko: '문장 $N = 10$개 가운데 "시험"은 4개, "도서관"은 5개, 둘 다 있는 문장은 3개입니다.',
  en: 'Of $N = 10$ sentences, 4 contain "exam", 5 contain "library" and 3 contain both.',
};

export default defineExercises('apriori', [
  {
    kind: 'numeric',
    id: 'confidence',
    prompt: {
      ko: `${TABLE.ko} 규칙 {시험} ⇒ {도서관}의 신뢰도는?`,
      en: `${TABLE.en} What is the confidence of the rule {exam} ⇒ {library}?`,
    },
    answer: 3 / 4,
    tolerance: 0.001,
    mistakes: [
      {
        value: 3 / 5,
        tolerance: 0.001,
        message: {
          ko: '결과 쪽 개수 $n(Y) = 5$로 나눴습니다. 그것은 거꾸로 된 규칙 {도서관} ⇒ {시험}의 신뢰도입니다.',
          en: 'You divided by $n(Y) = 5$. That is the confidence of the reversed rule {library} ⇒ {exam}.',
        },
      },
      {
        value: 3 / 10,
        tolerance: 0.001,
        message: {
          ko: '그것은 지지도 $n(X \\cup Y)/N$입니다. 신뢰도는 조건이 있는 문장만 봅니다.',
          en: 'That is the support $n(X \\cup Y)/N$. Confidence looks only at the sentences that hold the condition.',
        },
      },
    ],
    hint: {
      ko: '$\\text{conf}(X \\Rightarrow Y) = n(X \\cup Y) / n(X)$입니다.',
      en: '$\\text{conf}(X \\Rightarrow Y) = n(X \\cup Y) / n(X)$.',
    },
    explanation: {
      ko: '$3 / 4 = 0.75$. "시험"이 나온 문장 넷 가운데 셋에 "도서관"도 있으므로, $P(Y \\mid X)$의 추정값은 0.75입니다.',
      en: '$3 / 4 = 0.75$: three of the four sentences with "exam" also have "library", so the estimate of $P(Y \\mid X)$ is 0.75.',
    },
  },
  {
    kind: 'numeric',
    id: 'lift',
    prompt: {
      ko: `${TABLE.ko} 규칙 {시험} ⇒ {도서관}의 향상도는?`,
      en: `${TABLE.en} What is the lift of the rule {exam} ⇒ {library}?`,
    },
    answer: 3 / 4 / (5 / 10),
    tolerance: 0.001,
    mistakes: [
      {
        value: 3 / 4,
        tolerance: 0.001,
        message: {
          ko: '그것은 신뢰도입니다. 향상도는 신뢰도를 결과의 지지도 $\\text{supp}(Y)$로 나눕니다.',
          en: 'That is the confidence. Lift divides it by the support of the consequent, $\\text{supp}(Y)$.',
        },
      },
      {
        value: 3 / 4 / (4 / 10),
        tolerance: 0.001,
        message: {
          ko: '조건의 지지도 $\\text{supp}(X) = 0.4$로 나눴습니다. 나누는 것은 결과 $Y$가 원래 나오는 비율 0.5입니다.',
          en: 'You divided by the support of the antecedent, 0.4. Divide by how often the consequent $Y$ occurs anyway: 0.5.',
        },
      },
    ],
    hint: {
      ko: '$\\text{lift} = \\text{conf}(X \\Rightarrow Y) / \\text{supp}(Y)$이고 $\\text{supp}(Y) = 5/10$입니다.',
      en: '$\\text{lift} = \\text{conf}(X \\Rightarrow Y) / \\text{supp}(Y)$, and $\\text{supp}(Y) = 5/10$.',
    },
    explanation: {
      ko: '$0.75 / 0.5 = 1.5$. 1보다 크므로 두 단어는 함께 나오는 경향이 있습니다. 같은 값이 $\\text{supp}(X \\cup Y) / (\\text{supp}(X)\\,\\text{supp}(Y)) = 0.3 / 0.2$로도 나오며, 향상도는 규칙의 방향과 상관없습니다.',
      en: '$0.75 / 0.5 = 1.5$. Above 1, so the two words tend to occur together. The same value is $\\text{supp}(X \\cup Y) / (\\text{supp}(X)\\,\\text{supp}(Y)) = 0.3 / 0.2$: lift does not depend on the direction of the rule.',
    },
  },
  {
    kind: 'numeric',
    id: 'conviction',
    prompt: {
      ko: `${TABLE.ko} 규칙 {시험} ⇒ {도서관}의 확신도 $\\text{conv} = (1 - \\text{supp}(Y)) / (1 - \\text{conf})$는?`,
      en: `${TABLE.en} What is the conviction $\\text{conv} = (1 - \\text{supp}(Y)) / (1 - \\text{conf})$ of the rule {exam} ⇒ {library}?`,
    },
    answer: (1 - 0.5) / (1 - 0.75),
    tolerance: 0.001,
    mistakes: [
      {
        value: (1 - 0.4) / (1 - 0.75),
        tolerance: 0.001,
        message: {
          ko: '조건의 지지도 0.4를 썼습니다. 분자는 결과 $Y$가 없는 비율 $1 - \\text{supp}(Y)$입니다.',
          en: 'You used the support of the antecedent, 0.4. The numerator is how often the consequent is absent, $1 - \\text{supp}(Y)$.',
        },
      },
      {
        value: (1 - 0.5) / 0.75,
        tolerance: 0.001,
        message: {
          ko: '분모에 신뢰도를 그대로 넣었습니다. 분모는 규칙이 틀리는 비율 $1 - \\text{conf}$입니다.',
          en: 'You put the confidence itself in the denominator. It is the rate at which the rule fails, $1 - \\text{conf}$.',
        },
      },
      {
        value: (1 - 0.75) / (1 - 0.5),
        tolerance: 0.001,
        message: {
          ko: '분자와 분모를 뒤집었습니다.',
          en: 'Numerator and denominator are swapped.',
        },
      },
    ],
    hint: {
      ko: '$\\text{supp}(Y) = 0.5$, $\\text{conf} = 0.75$입니다.',
      en: '$\\text{supp}(Y) = 0.5$ and $\\text{conf} = 0.75$.',
    },
    explanation: {
      ko: '$0.5 / 0.25 = 2$. 규칙이 틀리는 비율(0.25)이 두 단어가 독립일 때 기대되는 비율(0.5)보다 두 배 드뭅니다. "시험"이 있는 문장에서 "도서관"이 빠지지 않았다면 신뢰도가 1이 되어 확신도는 $\\infty$입니다.',
      en: '$0.5 / 0.25 = 2$: the rule fails (0.25) half as often as independence would predict (0.5). Had every "exam" sentence also had "library", confidence would be 1 and conviction $\\infty$.',
    },
  },
  {
    kind: 'numeric',
    id: 'min-count',
    prompt: {
      ko: '문장이 $N = 1250$개이고 최소 지지도가 $0.02$입니다. 항목 집합이 빈발 항목 집합으로 남으려면 적어도 몇 개의 문장에 들어 있어야 합니까?',
      en: 'There are $N = 1250$ sentences and the minimum support is $0.02$. In at least how many sentences must an itemset occur to be kept as a frequent itemset?',
    },
    answer: 0.02 * 1250,
    tolerance: 0,
    mistakes: [
      {
        value: 26,
        tolerance: 0,
        message: {
          ko: '기준보다 "많아야" 한다고 보셨습니다. 이 수업(그리고 R의 arules)에서는 기준과 똑같은 개수도 남깁니다.',
          en: "You required strictly more than the threshold. This lesson (like R's arules) keeps a count equal to it.",
        },
      },
      {
        value: 2,
        tolerance: 0,
        message: {
          ko: '0.02를 퍼센트로 읽었습니다. 0.02는 2 %이고, 1250의 2 %는 25입니다.',
          en: 'You read 0.02 as a percentage. 0.02 is 2 %, and 2 % of 1250 is 25.',
        },
      },
    ],
    hint: {
      ko: '개수가 최소 지지도 × $N$ 이상인 후보만 남깁니다.',
      en: 'A candidate stays if its count is at least minimum support × $N$.',
    },
    explanation: {
      ko: '$0.02 \\cdot 1250 = 25$. 25개의 문장에 들어 있는 항목 집합도 남습니다.',
      en: '$0.02 \\cdot 1250 = 25$. An itemset found in exactly 25 sentences stays too.',
    },
    digits: 0,
  },
  {
    kind: 'choice',
    id: 'prune-step',
    prompt: {
      ko: '2단계의 빈발 항목 집합이 $\\{A, B\\}$, $\\{A, C\\}$, $\\{B, C\\}$, $\\{B, D\\}$뿐입니다. 3단계에서 결합과 가지치기를 거친 뒤 실제로 세는 후보는?',
      en: 'The frequent itemsets of level 2 are exactly $\\{A, B\\}$, $\\{A, C\\}$, $\\{B, C\\}$ and $\\{B, D\\}$. After join and prune at level 3, which candidates are actually counted?',
    },
    options: [
      {
        text: { ko: '$\\{A, B, C\\}$ 하나', en: '$\\{A, B, C\\}$ only' },
        correct: true,
        why: {
          ko: '맞습니다. 결합으로 $\\{A, B, C\\}$와 $\\{B, C, D\\}$가 생기지만, $\\{B, C, D\\}$의 부분집합 $\\{C, D\\}$가 빈발하지 않아 세어 보지도 않고 버립니다.',
          en: 'Right: the join makes $\\{A, B, C\\}$ and $\\{B, C, D\\}$, but $\\{B, C, D\\}$ has the infrequent subset $\\{C, D\\}$ and is dropped without counting.',
        },
      },
      {
        text: {
          ko: '$\\{A, B, C\\}$와 $\\{B, C, D\\}$',
          en: '$\\{A, B, C\\}$ and $\\{B, C, D\\}$',
        },
        correct: false,
        why: {
          ko: '그것은 결합 직후의 후보입니다. 가지치기에서 $\\{C, D\\}$가 빈발하지 않으므로 $\\{B, C, D\\}$는 빈발할 수 없습니다.',
          en: 'Those are the candidates straight after the join. Pruning drops $\\{B, C, D\\}$: with $\\{C, D\\}$ infrequent it cannot be frequent.',
        },
      },
      {
        text: {
          ko: '$\\{A, B, C\\}$와 $\\{A, B, D\\}$',
          en: '$\\{A, B, C\\}$ and $\\{A, B, D\\}$',
        },
        correct: false,
        why: {
          ko: '$\\{A, B, D\\}$는 결합에서 생기지 않습니다. 첫 아이템이 A인 빈발 집합은 $\\{A, B\\}$와 $\\{A, C\\}$뿐이고, $\\{A, D\\}$도 빈발하지 않습니다.',
          en: '$\\{A, B, D\\}$ never comes out of the join: the frequent sets starting with A are $\\{A, B\\}$ and $\\{A, C\\}$, and $\\{A, D\\}$ is not frequent anyway.',
        },
      },
      {
        text: { ko: '없다', en: 'none' },
        correct: false,
        why: {
          ko: '$\\{A, B, C\\}$의 부분집합 $\\{A, B\\}$, $\\{A, C\\}$, $\\{B, C\\}$는 모두 빈발하므로 이 후보는 살아남아 셉니다.',
          en: '$\\{A, B, C\\}$ has only frequent subsets, $\\{A, B\\}$, $\\{A, C\\}$ and $\\{B, C\\}$, so it survives and is counted.',
        },
      },
    ],
  },
]);

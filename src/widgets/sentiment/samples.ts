// Example sentences and a small bilingual corpus for the pipeline widget, written for Gatebook.

export const SAMPLE_IDS = ['ko1', 'ko2', 'ko3', 'en1', 'en2', 'en3'] as const;
export type SampleId = (typeof SAMPLE_IDS)[number];

export const SAMPLES: Record<SampleId, string> = {
  ko1: '이 영화가 정말 재미있었어요!! 배우들의 연기도 최고 ㅋㅋ',
  ko2: '처음부터 끝까지 지루했다... 시간이 아까운 영화',
  ko3: '재미있을 줄 알았는데 결말이 너무 실망스러웠다',
  en1: 'I LOVED this movie!<br /><br />The acting was great, the story even better.',
  en2: 'Boring. Two hours of my life I will never get back... 2/10',
  en3: 'The first half is slow, but the ending is not bad at all.',
};

/** The corpus the widget's vocabulary is built from (the learner's own words may be <OOV>). */
export const PIPELINE_CORPUS: readonly string[] = [
  '이 영화 정말 재미있었다',
  '배우들의 연기가 정말 좋았다',
  '영화가 너무 지루했다',
  '시간이 아까운 영화',
  '결말이 너무 좋았다 최고의 영화',
  '연기는 좋았는데 이야기가 지루했다',
  '다시 보고 싶은 영화',
  '재미있을 줄 알았는데 실망했다',
  'this movie was great',
  'the acting was great and the story was good',
  'a boring movie with a bad ending',
  'i loved the story',
  'the ending was not good',
  'two hours of boring scenes',
  'great acting but a slow story',
  'i will watch this movie again',
];

import type { InquiryFixture } from './inquiry-fixtures';
import { INQUIRY_CLASSES, type InquiryClass, type InquiryTriage } from './types';

export interface ClassAccuracy {
  /** Of the inquiries given this class, the share that truly were. */
  precision: number;
  /** Of the inquiries truly of this class, the share found. */
  recall: number;
  support: number;
}

export interface TriageAccuracy {
  total: number;
  correct: number;
  accuracy: number;
  perClass: Record<InquiryClass, ClassAccuracy>;
  /** confusion[expected][actual] = count */
  confusion: Record<InquiryClass, Record<InquiryClass, number>>;
  misses: { fixture: InquiryFixture; triage: InquiryTriage }[];
}

const byClass = <T>(make: (c: InquiryClass) => T) =>
  Object.fromEntries(INQUIRY_CLASSES.map((c) => [c, make(c)])) as Record<InquiryClass, T>;

// An empty row or column has nothing to be wrong about, so it counts as 1 rather than NaN.
const ratio = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);

/** Runs a classifier over labelled fixtures: accuracy, per-class precision/recall, confusion. */
export function measureTriageAccuracy(
  fixtures: InquiryFixture[],
  classify: (input: InquiryFixture['input']) => InquiryTriage,
): TriageAccuracy {
  const confusion = byClass(() => byClass(() => 0));
  const misses: TriageAccuracy['misses'] = [];
  for (const fixture of fixtures) {
    const triage = classify(fixture.input);
    confusion[fixture.expected][triage.classification] += 1;
    if (triage.classification !== fixture.expected) misses.push({ fixture, triage });
  }
  const perClass = byClass((c) => {
    const truePositives = confusion[c][c];
    const predicted = INQUIRY_CLASSES.reduce((sum, e) => sum + confusion[e][c], 0);
    const support = INQUIRY_CLASSES.reduce((sum, a) => sum + confusion[c][a], 0);
    return {
      precision: ratio(truePositives, predicted),
      recall: ratio(truePositives, support),
      support,
    };
  });
  const correct = fixtures.length - misses.length;
  return {
    total: fixtures.length,
    correct,
    accuracy: ratio(correct, fixtures.length),
    perClass,
    confusion,
    misses,
  };
}

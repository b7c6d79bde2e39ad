import { BROAD_FIXTURES } from './inquiry-fixtures-broad';
import { HELD_OUT_FIXTURES } from './inquiry-fixtures-heldout';
import { PRECISE_FIXTURES } from './inquiry-fixtures-precise';
import { SCAM_FIXTURES } from './inquiry-fixtures-scam';
import type { InquiryClass, InquiryInput } from './types';

/** A hand-written inquiry with the class a trained sales rep would give it. */
export interface InquiryFixture {
  id: string;
  expected: InquiryClass;
  /** Why the case is hard, for the cases written to trip naive rules. */
  hard?: string;
  input: InquiryInput;
}

export const INQUIRY_FIXTURES: InquiryFixture[] = [
  ...PRECISE_FIXTURES,
  ...BROAD_FIXTURES,
  ...SCAM_FIXTURES,
  ...HELD_OUT_FIXTURES,
];

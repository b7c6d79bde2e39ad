import { BROAD_FIXTURES } from '../../domain/inquiries/inquiry-fixtures-broad';
import { PRECISE_FIXTURES } from '../../domain/inquiries/inquiry-fixtures-precise';
import { SCAM_FIXTURES } from '../../domain/inquiries/inquiry-fixtures-scam';

/** The demo's inbox: some of the hand-written inquiries of each class, Chinese and English. */
export const DEMO_INQUIRIES = [
  ...PRECISE_FIXTURES.slice(0, 2),
  ...PRECISE_FIXTURES.slice(-2),
  ...BROAD_FIXTURES.slice(0, 2),
  ...BROAD_FIXTURES.slice(-1),
  ...SCAM_FIXTURES.slice(0, 2),
  ...SCAM_FIXTURES.slice(-1),
].map((fixture) => fixture.input);

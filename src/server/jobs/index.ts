import { gradingJob } from './gradingJob';
import { gridPoolJob } from './gridPoolJob';
import { lapseJob } from './lapseJob';
import type { Job } from './scheduler';

/** Every scheduled job, in the order a scheduler tick runs them. */
// Grading last: it reads the ownership the pool jobs have just settled.
export const JOBS: readonly Job[] = [gridPoolJob, lapseJob, gradingJob];

export function findJob(name: string): Job | undefined {
  return JOBS.find((job) => job.name === name);
}

import { gridPoolJob } from './gridPoolJob';
import { lapseJob } from './lapseJob';
import type { Job } from './scheduler';

/** Every scheduled job, in the order a scheduler tick runs them. */
export const JOBS: readonly Job[] = [gridPoolJob, lapseJob];

export function findJob(name: string): Job | undefined {
  return JOBS.find((job) => job.name === name);
}

// CPU seconds of the bench's server process and of its own PostgreSQL backends (found by the
// application name the server connects with), from /proc (Linux): on the shared 2-core
// machine, CPU per request is steadier than latency.
import { readFileSync } from 'node:fs';
import type pg from 'pg';

const TICKS_PER_SECOND = 100;
/** The application name bench/scale/server.ts connects with (PGAPPNAME). */
export const BENCH_APPLICATION_NAME = 'crm-scale-bench';

function cpuSecondsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

export interface CpuSample {
  server: number;
  backends: Map<number, number>;
}

export async function cpuSample(
  serverPid: number | undefined,
  client: pg.Client,
): Promise<CpuSample | null> {
  try {
    const { rows } = await client.query<{ pid: number }>(
      'select pid from pg_stat_activity where application_name = $1',
      [BENCH_APPLICATION_NAME],
    );
    const backends = new Map<number, number>();
    for (const { pid } of rows) backends.set(pid, cpuSecondsOf(pid));
    return { server: serverPid ? cpuSecondsOf(serverPid) : 0, backends };
  } catch {
    return null;
  }
}

/** Server and backend CPU seconds between two samples (backends present in both). */
export function cpuBetween(before: CpuSample, after: CpuSample) {
  let backends = 0;
  for (const [pid, seconds] of after.backends) {
    const earlier = before.backends.get(pid);
    if (earlier !== undefined) backends += seconds - earlier;
  }
  return { server: after.server - before.server, backends };
}

// Shared by the import benchmarks: a real server in a child process (PGlite in a temp
// folder, or PostgreSQL when BENCH_DATABASE_URL is set), its memory sampled from /proc.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const EMAIL = 'bench@example.com';
const PASSWORD = 'bench-password-1';

export interface BenchServer {
  url: string;
  token: string;
  /** Peak resident memory of the server since the last resetPeak() (VmHWM), in MiB. */
  peakRssMiB(): number;
  rssMiB(): number;
  /** Forgets the peak so far (start-up's initdb peak is not the import's). */
  resetPeak(): void;
  /** CPU seconds the server process has used (user + system). */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

function statusField(pid: number, field: string): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return kb / 1024;
}

export async function startBenchServer(port: number): Promise<BenchServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'crm-bench-'));
  const child: ChildProcess = spawn(process.execPath, ['bin/crm.mjs', 'start'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: process.env.BENCH_DATABASE_URL ?? '',
      CRM_ADMIN_EMAIL: EMAIL,
      CRM_ADMIN_PASSWORD: PASSWORD,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  let exited: number | null = null;
  child.once('exit', (code) => {
    exited = code ?? -1;
  });
  // A first start runs initdb, which takes a while on a busy machine.
  for (let attempt = 0; ; attempt++) {
    if (exited !== null) throw new Error(`server exited with ${exited}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (attempt > 3000) throw new Error('server did not start in 10 minutes');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const login = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
  });
  const { token } = (await login.json()) as { token: string };
  const pid = child.pid as number;
  return {
    url,
    token,
    peakRssMiB: () => statusField(pid, 'VmHWM'),
    rssMiB: () => statusField(pid, 'VmRSS'),
    resetPeak: () => writeFileSync(`/proc/${pid}/clear_refs`, '5'),
    cpuSeconds: () => {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      return (Number(fields[11]) + Number(fields[12])) / 100;
    },
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function uploadFile(
  server: BenchServer,
  file: Buffer,
  fileName: string,
  fields: Record<string, string>,
): Promise<{ status: number; body: Record<string, unknown>; ms: number }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', new Blob([new Uint8Array(file)]), fileName);
  const started = performance.now();
  const response = await fetch(`${server.url}/api/v1/imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.token}` },
    body: form,
  });
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown>,
    ms: performance.now() - started,
  };
}

export interface JobReport {
  status: string;
  total: number;
  processed: number;
  imported: number;
  skipped: number;
  failed: number;
  summary: Record<string, unknown>;
}

/** Polls the job, printing progress, until it is done or failed. */
export async function waitForJob(server: BenchServer, id: string): Promise<JobReport> {
  for (;;) {
    const response = await fetch(`${server.url}/api/v1/imports/${id}`, {
      headers: { authorization: `Bearer ${server.token}` },
    });
    const job = (await response.json()) as JobReport;
    process.stderr.write(
      `\r  ${job.status} ${job.processed}/${job.total} · rss ${server.rssMiB().toFixed(0)} MiB   `,
    );
    if (job.status === 'done' || job.status === 'failed') {
      process.stderr.write('\n');
      return job;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

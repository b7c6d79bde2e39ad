// The scale benchmark's HTTP side: the app server as a child process, a keep-alive client,
// and a closed-loop load of N concurrent clients with every latency kept for percentiles.
import { type ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';

export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
};

export interface BenchServer {
  base: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts bench/scale/server.ts with the given environment and waits for its port. */
export function startServer(env: Record<string, string>): Promise<BenchServer> {
  // Node itself (not npx), so stopping the child stops the server.
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/scale/server.ts'], {
    env: { ...process.env, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const port = /listening (\d+)/.exec(output)?.[1];
      if (port) {
        resolve({
          base: `http://127.0.0.1:${port}`,
          child,
          stop: () =>
            new Promise((done) => {
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`bench server exited (${code}): ${output}`)));
  });
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

export interface Answer {
  status: number;
  ms: number;
  body: string;
}

export function request(
  base: string,
  path: string,
  options: { token?: string; method?: string; body?: unknown } = {},
): Promise<Answer> {
  const started = performance.now();
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${base}${path}`,
      {
        agent,
        method: options.method ?? 'GET',
        headers: {
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...(payload ? { 'content-type': 'application/json' } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            ms: performance.now() - started,
            body: Buffer.concat(chunks).toString(),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

export async function login(base: string, email: string, password: string): Promise<string> {
  const answer = await request(base, '/api/v1/auth/login', {
    method: 'POST',
    body: { email, password },
  });
  if (answer.status !== 200) throw new Error(`login ${email}: ${answer.status} ${answer.body}`);
  return JSON.parse(answer.body).token;
}

/** `clients` loops each sending the next request when its answer arrives, for `seconds`. */
export async function closedLoop(
  base: string,
  path: string,
  token: string,
  clients: number,
  seconds: number,
): Promise<{ latencies: number[]; perSecond: number; errors: number }> {
  const latencies: number[] = [];
  let errors = 0;
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < until) {
        const answer = await request(base, path, { token });
        if (answer.status === 200) latencies.push(answer.ms);
        else errors += 1;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  return { latencies, perSecond: (latencies.length + errors) / elapsed, errors };
}

/** Sequential timings of one call (one client, nothing else in flight). */
export async function sequential(base: string, path: string, token: string, runs: number) {
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const answer = await request(base, path, { token });
    if (answer.status !== 200)
      throw new Error(`${path}: ${answer.status} ${answer.body.slice(0, 300)}`);
    times.push(answer.ms);
  }
  return times;
}

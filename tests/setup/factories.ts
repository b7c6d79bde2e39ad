import type { TestApp } from './test-app';

let sequence = 0;

/** Creates a user through the API as the admin and returns it with a logged-in token. */
export async function buildUser(
  t: TestApp,
  fields: { role?: 'admin' | 'manager' | 'rep'; teamId?: string; name?: string } = {},
) {
  sequence += 1;
  const email = `user${sequence}-${Date.now()}@test.local`;
  const password = 'user-password-1';
  const response = await t.call('POST', '/api/v1/users', {
    token: t.adminToken,
    body: {
      email,
      name: fields.name ?? `User ${sequence}`,
      password,
      role: fields.role ?? 'rep',
      teamId: fields.teamId,
    },
  });
  if (response.statusCode !== 201)
    throw new Error(`buildUser: ${response.statusCode} ${response.body}`);
  const user = response.json();
  return { ...user, password, token: await t.login(email, password) } as {
    id: string;
    email: string;
    role: string;
    teamId: string | null;
    version: number;
    password: string;
    token: string;
  };
}

export async function buildTeam(t: TestApp, fields: { name?: string; managerId?: string } = {}) {
  sequence += 1;
  const response = await t.call('POST', '/api/v1/teams', {
    token: t.adminToken,
    body: { name: fields.name ?? `Team ${sequence}`, managerId: fields.managerId },
  });
  if (response.statusCode !== 201)
    throw new Error(`buildTeam: ${response.statusCode} ${response.body}`);
  return response.json() as { id: string; name: string; managerId: string | null; version: number };
}

import { TestApp } from './test-app';
import { envelope } from './township';

/** At least one Chinese character: problem details are in Chinese by default. */
export const CHINESE = /[\u4e00-\u9fff]/;

export interface ExpectedRefusal {
  status: number;
  code?: string;
  /** A JSON path that `errors[].path` must name. */
  path?: string;
}

export const errorPaths = (problem: { errors?: { path: string }[] }): string[] =>
  (problem.errors ?? []).map((e) => e.path);

/**
 * Sends a command that must be refused, checks the RFC 9457 problem (status, code, field, a Chinese
 * detail) and proves that nothing was appended to the log.
 */
export const expectRefused = async (t: TestApp, sent: object, expected: ExpectedRefusal, token?: string) => {
  const before = await t.runtime.events.headPosition();
  const response = await t.command(sent, token);
  expect(response.body).toMatchObject({ status: expected.status, ...(expected.code ? { code: expected.code } : {}) });
  expect(response.status).toBe(expected.status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.body.detail).toMatch(CHINESE);
  if (expected.path) expect(errorPaths(response.body)).toContain(expected.path);
  expect(await t.runtime.events.headPosition()).toBe(before);
  return response.body as { status: number; code: string; detail: string; errors?: { path: string; detail: string }[] };
};

/** A broken domain rule: 422 with its code (and the field, when given). */
export const expectRule = (t: TestApp, type: string, data: object, code: string, path?: string, token?: string) =>
  expectRefused(t, envelope(type, data), { status: 422, code, path }, token);

/** An aggregate or a reference that does not exist: 404 naming the field. */
export const expectNotFound = (t: TestApp, type: string, data: object, path: string, token?: string) =>
  expectRefused(t, envelope(type, data), { status: 404, path }, token);

/** An id that already exists: 409 naming the field. */
export const expectExists = (t: TestApp, type: string, data: object, path: string, token?: string) =>
  expectRefused(t, envelope(type, data), { status: 409, code: 'CONFLICT_ID_EXISTS', path }, token);

/** The role or the village scope does not allow it: 403. */
export const expectForbidden = (t: TestApp, type: string, data: object, token: string, code?: string) =>
  expectRefused(t, envelope(type, data), { status: 403, code }, token);

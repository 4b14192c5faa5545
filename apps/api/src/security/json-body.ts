import type { FastifyInstance } from 'fastify';
import { ValidationFailed } from '@sunshine/domain';

/** The JSON path of the first key named `__proto__` in a parsed body (JSON.parse keeps it as an own key). */
const prototypeKeyPath = (value: unknown, path: string[] = []): string | undefined => {
  if (value === null || typeof value !== 'object') return undefined;
  for (const key of Object.keys(value)) {
    if (key === '__proto__') return [...path, key].join('.');
    const found = prototypeKeyPath((value as Record<string, unknown>)[key], [...path, key]);
    if (found !== undefined) return found;
  }
  return undefined;
};

/**
 * JSON bodies (`application/json` and `application/*+json`, up to `bodyLimit`). A key named
 * `__proto__` is refused, naming where it is, rather than read (it could replace an object's
 * prototype further on); an empty body reads as `{}`.
 */
export const registerJsonBodies = (fastify: FastifyInstance, bodyLimit: number): void => {
  const json = fastify.getDefaultJsonParser('error', 'ignore');
  const parseJson: typeof json = (request, body, done) => {
    if (body === '') return done(null, {});
    json(request, body, (error, parsed) => {
      if (!error) return done(null, parsed);
      let path: string | undefined;
      try {
        path = prototypeKeyPath(JSON.parse(body as string));
      } catch {
        // Not JSON at all: the parser's own error says so.
      }
      if (path === undefined) return done(error as Error, undefined);
      done(
        new ValidationFailed([{ path, zh: '不允许名为 __proto__ 的字段', en: 'a field may not be named __proto__' }]),
        undefined,
      );
    });
  };
  fastify.removeContentTypeParser('application/json');
  for (const type of ['application/json', /^application\/[\w.-]+\+json$/])
    fastify.addContentTypeParser(type, { parseAs: 'string', bodyLimit }, parseJson);
};

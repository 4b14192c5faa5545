import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { statusOf } from '@sunshine/application';
import { DomainError, ValidationFailed } from '@sunshine/domain';
import { ProjectionsBehind } from '@sunshine/projections';
import { ApiError } from './api-error';
import { languageOf, Problem, problemType, TITLES } from './problem';

/** The one place where every error becomes an RFC 9457 problem answer. */
export const toProblem = (error: unknown, acceptLanguage: string | undefined): Problem => {
  const lang = languageOf(acceptLanguage);
  const problem = (
    status: number,
    code: string,
    detail: { zh: string; en: string },
    errors?: { path: string; zh: string; en: string }[],
  ): Problem => ({
    type: problemType(code),
    title: (TITLES[status] ?? TITLES[500])[lang],
    status,
    code,
    detail: detail[lang],
    ...(errors ? { errors: errors.map((e) => ({ path: e.path, detail: e[lang] })) } : {}),
  });
  if (error instanceof ValidationFailed) return problem(400, error.code, error.detail, error.problems);
  if (error instanceof DomainError) {
    const field = (error as { field?: string }).field;
    return problem(statusOf(error), error.code, error.detail, field ? [{ path: field, ...error.detail }] : undefined);
  }
  if (error instanceof ApiError) return problem(error.status, error.code, error.detail, error.errors);
  if (error instanceof Error && error.name === 'InvalidPosition')
    return problem(
      400,
      'VALIDATION_FAILED',
      { zh: '位置参数不是本系统给出的位置', en: 'the position is not one this log handed out' },
      [{ path: 'after', zh: '不是本系统给出的位置', en: 'is not a position this log handed out' }],
    );
  if (error instanceof ProjectionsBehind)
    return problem(503, 'READ_MODELS_BEHIND', {
      zh: `读模型在 5 秒内未达到位置 ${error.wanted}，请稍后重试`,
      en: `the read models did not reach position ${error.wanted} within 5 s`,
    });
  // The HTTP adapter wraps the body parser's errors; their Fastify `code` says what went wrong.
  const parserError = (error instanceof HttpException && error.cause ? error.cause : error) as { code?: string };
  if (parserError?.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || parserError?.code === 'FST_ERR_CTP_EMPTY_JSON_BODY')
    return problem(400, 'MALFORMED_JSON', { zh: '请求体不是有效的 JSON', en: 'the request body is not valid JSON' });
  if (parserError?.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
    return problem(415, 'UNSUPPORTED_MEDIA_TYPE', {
      zh: '不支持这种请求体类型，请用 application/json',
      en: 'unsupported body type; send application/json',
    });
  if (parserError?.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
    return problem(413, 'PAYLOAD_TOO_LARGE', { zh: '请求体过大', en: 'the request body is too large' });
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const code = status === 404 ? 'NOT_FOUND' : `HTTP_${status}`;
    const detail =
      status === 404 ? { zh: '没有这个地址', en: 'no such resource' } : { zh: error.message, en: error.message };
    return problem(status, code, detail);
  }
  return problem(500, 'INTERNAL_ERROR', { zh: '服务器内部错误，已记录', en: 'internal error; it has been logged' });
};

/** The error's own code, or its cause's (the HTTP adapter wraps the body reader's errors). */
const codeOf = (error: unknown): string | undefined => {
  const own = (error as { code?: unknown })?.code;
  if (typeof own === 'string') return own;
  const cause = error instanceof HttpException ? (error.cause as { code?: unknown } | undefined) : undefined;
  return typeof cause?.code === 'string' ? cause.code : undefined;
};

/** The client hung up: nobody is there to answer, and it is no fault of the server's. */
const clientGone = (request: FastifyRequest, reply: FastifyReply, error: unknown): boolean =>
  // (A request whose body was read to the end is `destroyed` too: the socket tells whether the client left.)
  reply.raw.destroyed ||
  request.raw.socket?.destroyed === true ||
  codeOf(error) === 'ECONNRESET' ||
  codeOf(error) === 'ECONNABORTED';

@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    if (clientGone(request, reply, error)) {
      this.logger.debug?.(`client closed the connection of ${request.method} ${request.url.split('?')[0]}`);
      return;
    }
    const problem = toProblem(error, request.headers['accept-language']);
    if (problem.status >= 500 && problem.status !== 503)
      this.logger.error(error instanceof Error ? error.stack : String(error));
    // A streamed answer (NDJSON, SSE) that already began can only be ended.
    if (reply.sent || reply.raw.headersSent) {
      if (!reply.raw.writableEnded) reply.raw.end();
      return;
    }
    reply
      .status(problem.status)
      .type('application/problem+json')
      .send(JSON.stringify({ ...problem, instance: request.url.split('?')[0] }));
  }
}

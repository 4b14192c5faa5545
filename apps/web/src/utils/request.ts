import { Refusal, refusalOf } from './problem';

/** A request the API refused (or that never reached it); `refusal` says why, in Chinese. */
export class RequestError extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.message);
    this.name = 'RequestError';
  }
}

type Unauthorized = (refusal: Refusal) => void;
let onUnauthorized: Unauthorized | undefined;

/** Who hears of a lapsed session (the router, which sends the user to sign in again). */
export const whenUnauthorized = (handler: Unauthorized) => (onUnauthorized = handler);

/** Tells of a lapsed session found other than by a request of this module (the live stream). */
export const sessionLapsed = (refusal: Refusal) => onUnauthorized?.(refusal);

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | undefined>;
  headers?: Record<string, string>;
  /** A 401 is this request's own answer (signing in), not a lapsed session. */
  expectUnauthorized?: boolean;
}

/**
 * The one way the web app calls the API. The session is the HttpOnly cookie the browser sends by
 * itself (no token is kept by the page, none goes into a URL); every state-changing request says
 * it comes from the app's own script, as the API requires of a cookie-authenticated one.
 */
export const request = async <T>(path: string, options: RequestOptions = {}): Promise<T> => {
  const method = options.method ?? 'GET';
  const query = Object.entries(options.query ?? {}).filter(([, value]) => value !== undefined && value !== '');
  const url = `/api/v1${path}${query.length ? `?${new URLSearchParams(query.map(([k, v]) => [k, String(v)]))}` : ''}`;
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (method !== 'GET') headers['X-Requested-With'] = 'sunshine';
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new RequestError(refusalOf(0, undefined));
  }
  const text = await response.text();
  let body: unknown = undefined;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = text;
  }
  if (response.ok) return body as T;
  const refusal = refusalOf(response.status, body, response.headers.get('Retry-After'));
  if (response.status === 401 && !options.expectUnauthorized) onUnauthorized?.(refusal);
  throw new RequestError(refusal);
};

/** An error the API raises itself (auth, malformed requests), outside the domain's errors. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: { zh: string; en: string },
    readonly errors?: { path: string; zh: string; en: string }[],
  ) {
    super(detail.en);
    this.name = 'ApiError';
  }
}

export const unauthorized = () =>
  new ApiError(401, 'UNAUTHORIZED', {
    zh: '缺少或无效的访问令牌（Authorization: Bearer <token>）',
    en: 'missing or invalid bearer token',
  });

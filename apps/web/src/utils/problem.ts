/** An RFC 9457 problem as the API answers it (application/problem+json). */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  code?: string;
  detail?: string;
  errors?: { path: string; detail: string }[];
}

/** What a page shows of a refused request: one Chinese sentence, and a message per field. */
export interface Refusal {
  status: number;
  code: string;
  message: string;
  /** The API's own detail, as it came (may name fields by their paths). */
  detail?: string;
  /** By the field's path as the API names it (`password`, `data.amount.minor`), for the form item beside it. */
  fields: Record<string, string>;
  /** Seconds to wait, when the server said so (Retry-After). */
  retryAfter?: number;
}

/** Words for answers that carry no Chinese detail of their own (a proxy's page, a dropped connection). */
const BY_STATUS: Record<number, string> = {
  0: '无法连接服务器，请检查网络后重试',
  400: '提交的内容有误，请检查后重试',
  401: '登录已失效，请重新登录',
  403: '没有权限进行此操作',
  404: '要找的内容不存在',
  408: '请求超时，请重试',
  409: '内容已被他人修改或已存在，请刷新后重试',
  413: '提交的内容过大',
  422: '不符合业务规则，未能保存',
  429: '尝试过于频繁，请稍后再试',
  500: '服务器出错，已记录，请稍后重试',
  502: '服务器暂时无法访问，请稍后重试',
  503: '服务器暂不可用，请稍后重试',
  504: '服务器响应超时，请稍后重试',
};

const isChinese = (text: string) => /[\u4e00-\u9fff]/.test(text);

/**
 * Turns an answer that is not a success into what the page shows: the API's Chinese detail, or,
 * when it names fields (each message then stands beside its field), a sentence that points there
 * rather than repeating paths like `data.amount.minor` a clerk never typed.
 */
export const refusalOf = (status: number, body: unknown, retryAfter?: string | null): Refusal => {
  const problem: Problem = typeof body === 'object' && body !== null ? (body as Problem) : {};
  const fallback = BY_STATUS[status] ?? (status >= 500 ? BY_STATUS[500] : BY_STATUS[400]);
  const fields: Record<string, string> = {};
  for (const error of problem.errors ?? []) if (!(error.path in fields)) fields[error.path] = error.detail;
  const seconds = retryAfter != null && /^\d+$/.test(retryAfter) ? Number(retryAfter) : undefined;
  const own = problem.detail && isChinese(problem.detail) ? problem.detail : undefined;
  return {
    status,
    code: problem.code ?? `HTTP_${status}`,
    message: Object.keys(fields).length > 0 ? '填写有误，请按各项旁的提示修改后重试' : (own ?? fallback),
    ...(problem.detail ? { detail: problem.detail } : {}),
    fields,
    ...(seconds !== undefined ? { retryAfter: seconds } : {}),
  };
};

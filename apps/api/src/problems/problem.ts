/** An RFC 9457 problem answer, as every error of the API is sent. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  instance?: string;
  errors?: { path: string; detail: string }[];
}

export type Language = 'zh' | 'en';

/** Chinese by default; English when the client asks for it first. */
export const languageOf = (acceptLanguage: string | undefined): Language =>
  acceptLanguage && /^\s*en\b/i.test(acceptLanguage) ? 'en' : 'zh';

export const TITLES: Record<number, { zh: string; en: string }> = {
  400: { zh: '请求有误', en: 'Bad Request' },
  401: { zh: '未认证', en: 'Unauthorized' },
  403: { zh: '无权操作', en: 'Forbidden' },
  404: { zh: '未找到', en: 'Not Found' },
  408: { zh: '请求超时', en: 'Request Timeout' },
  409: { zh: '冲突', en: 'Conflict' },
  413: { zh: '请求过大', en: 'Content Too Large' },
  415: { zh: '不支持的内容类型', en: 'Unsupported Media Type' },
  422: { zh: '违反业务规则', en: 'Unprocessable Content' },
  429: { zh: '尝试过于频繁', en: 'Too Many Requests' },
  503: { zh: '暂不可用', en: 'Service Unavailable' },
  500: { zh: '服务器内部错误', en: 'Internal Server Error' },
};

export const problemType = (code: string): string => `/problems/${code.toLowerCase().replace(/_/g, '-')}`;

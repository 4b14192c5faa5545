import { refusalOf } from './problem';

describe('what the web app shows of a refused request', () => {
  it("keeps each field's message by its path, and points to them instead of repeating the paths", () => {
    const refusal = refusalOf(400, {
      status: 400,
      code: 'VALIDATION_FAILED',
      detail: '输入有误：password 至少需要 10 个字符',
      errors: [
        { path: 'password', detail: '至少需要 10 个字符' },
        { path: 'data.amount.minor', detail: '应为整数' },
      ],
    });
    expect(refusal).toEqual({
      status: 400,
      code: 'VALIDATION_FAILED',
      message: '填写有误，请按各项旁的提示修改后重试',
      detail: '输入有误：password 至少需要 10 个字符',
      fields: { password: '至少需要 10 个字符', 'data.amount.minor': '应为整数' },
    });
  });

  it("shows the API's Chinese detail when it names no field", () => {
    expect(refusalOf(401, { code: 'SIGN_IN_FAILED', detail: '用户名或密码不正确，或账号已停用' }).message).toBe(
      '用户名或密码不正确，或账号已停用',
    );
  });

  it('says in Chinese what an answer without a Chinese detail means', () => {
    expect(refusalOf(502, '<html>Bad Gateway</html>').message).toBe('服务器暂时无法访问，请稍后重试');
    expect(refusalOf(403, { detail: 'forbidden' }).message).toBe('没有权限进行此操作');
    expect(refusalOf(0, undefined).message).toBe('无法连接服务器，请检查网络后重试');
    expect(refusalOf(418, {}).message).toBe('提交的内容有误，请检查后重试');
  });

  it('keeps how long to wait when the server says so', () => {
    expect(refusalOf(429, { code: 'SIGN_IN_LOCKED', detail: '请 15 分钟后再试' }, '900')).toMatchObject({
      code: 'SIGN_IN_LOCKED',
      retryAfter: 900,
    });
    expect(refusalOf(429, {}, 'soon').retryAfter).toBeUndefined();
  });
});

import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import {
  ADMIN_USER_ID,
  ImportSummary,
  RegisterDesk,
  registerOf,
  RegisterResult,
  REGISTERS,
  UnreadableFile,
  XLSX_TYPE,
} from '@sunshine/application';
import { CliError, EXIT } from '../cli-error';
import { openForCommand } from '../open';
import { Progress } from '../progress';

export interface ImportRegisterOptions {
  kind: string;
  onError: 'stop' | 'continue';
  url?: string;
  token?: string;
  quiet?: boolean;
}

const TYPES: Record<string, string> = { '.xlsx': XLSX_TYPE, '.csv': 'text/csv' };

/**
 * `sunshine import-register <file> --kind <kind>`: records each row of an Excel or CSV register as
 * a command, in sheet order, printing one result line per row and a progress bar on a terminal;
 * with `--url` through a running server, as the web app's upload does.
 */
export const importRegister = async (file: string, options: ImportRegisterOptions): Promise<number> => {
  if (!registerOf(options.kind))
    throw new CliError(
      `未知的台账类型「${options.kind}」（unknown register kind）；可选：${REGISTERS.map((r) => r.kind).join(', ')}`,
      EXIT.usage,
    );
  const type = TYPES[extname(file).toLowerCase()];
  if (!type)
    throw new CliError(`台账文件应为 .xlsx 或 .csv（a register is an .xlsx or .csv file）: ${file}`, EXIT.usage);
  try {
    statSync(file);
  } catch {
    throw new CliError(`找不到文件 ${file}（file not found）`, EXIT.usage);
  }
  const progress = new Progress(`导入台账 importing ${file}`);
  let total: number | undefined;
  const results = options.url
    ? throughServer(file, type, options)
    : locally(file, type, options, (rows) => (total = rows));
  let summary: ImportSummary['summary'] | undefined;
  let done = 0;
  for await (const line of results) {
    if ('summary' in line) summary = line.summary;
    else if (!line.ok || !options.quiet) process.stdout.write(`${JSON.stringify(line)}\n`);
    progress.update(++done, total ? `${done}/${total} 行` : `${done} 行`);
  }
  if (!summary) throw new CliError('导入未完成（the import did not finish）');
  process.stdout.write(`${JSON.stringify({ summary })}\n`);
  progress.done(
    `台账导入完成：新增 ${summary.applied} 行，已导入过 ${summary.duplicates} 行，失败 ${summary.failed} 行 (applied ${summary.applied}, duplicates ${summary.duplicates}, failed ${summary.failed})`,
  );
  return summary.failed > 0 ? EXIT.failed : EXIT.ok;
};

async function* locally(
  file: string,
  contentType: string,
  options: ImportRegisterOptions,
  onRows: (rows: number) => void,
): AsyncGenerator<RegisterResult | ImportSummary> {
  const runtime = await openForCommand({ quietCatchUp: true });
  try {
    const desk = new RegisterDesk(runtime.reads, runtime.events, runtime.commands, {
      clock: runtime.clock,
      subjectExists: (subjectId) => runtime.secrets.subjectKey(subjectId) !== undefined,
    });
    const upload = {
      kind: options.kind,
      file: readFileSync(file),
      contentType,
      actor: { userId: ADMIN_USER_ID, role: 'admin' as const },
      language: 'zh' as const,
    };
    try {
      yield* desk.import(upload, options.onError, onRows);
    } catch (error) {
      if (error instanceof UnreadableFile) throw new CliError(`${error.reason.zh}（${error.reason.en}）`);
      throw error;
    }
    await runtime.runner.catchUp();
  } finally {
    await runtime.close();
  }
}

async function* throughServer(
  file: string,
  contentType: string,
  options: ImportRegisterOptions,
): AsyncGenerator<RegisterResult | ImportSummary> {
  if (!options.token)
    throw new CliError(
      '通过服务器导入需要令牌：--token 或环境变量 SUNSHINE_TOKEN（a token is needed with --url）',
      EXIT.usage,
    );
  const url = new URL(
    `/api/v1/registers/${encodeURIComponent(options.kind)}/import?onError=${options.onError}`,
    options.url,
  );
  const response = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${options.token}`, 'content-type': contentType },
    body: readFileSync(file),
  });
  if (!response.ok || !response.body) {
    const text = await response.text();
    let detail = text;
    try {
      detail = (JSON.parse(text) as { detail?: string }).detail ?? text;
    } catch {
      // not a problem document: shown as it came
    }
    throw new CliError(`服务器拒绝导入 server refused the import: ${response.status} ${detail}`);
  }
  const reader = createInterface({ input: Readable.fromWeb(response.body as never), crlfDelay: Infinity });
  for await (const text of reader) if (text.trim()) yield JSON.parse(text);
}

import { createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { ADMIN_USER_ID, importCommands, ImportResultLine, ImportSummary, ndjsonLines } from '@sunshine/application';
import { CliError, EXIT } from '../cli-error';
import { openForCommand } from '../open';
import { Progress } from '../progress';

export interface ImportOptions {
  onError: 'stop' | 'continue';
  url?: string;
  token?: string;
  quiet?: boolean;
}

/**
 * `sunshine import <file>`: applies an NDJSON file of commands in file order, printing one result
 * line per command on stdout and a progress bar on a terminal. With `--url` it goes through a
 * running server; otherwise it opens the embedded store itself (refused while a server holds it).
 */
export const importFile = async (file: string, options: ImportOptions): Promise<number> => {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new CliError(`找不到文件 ${file}（file not found）`, EXIT.usage);
  }
  const input = createReadStream(file);
  let bytes = 0;
  input.on('data', (chunk) => (bytes += chunk.length));
  const progress = new Progress(`导入 importing ${file}`, size);
  const results = options.url ? importThroughServer(file, options) : importLocally(input, options);
  let summary: ImportSummary['summary'] | undefined;
  let done = 0;
  for await (const line of results) {
    if ('summary' in line) summary = line.summary;
    else if (!line.ok || !options.quiet) process.stdout.write(`${JSON.stringify(line)}\n`);
    progress.update(bytes, `${(++done).toLocaleString('en-US')} 条命令`, done);
  }
  if (!summary) throw new CliError('导入未完成（the import did not finish）');
  process.stdout.write(`${JSON.stringify({ summary })}\n`);
  progress.done(
    `导入完成：新增 ${summary.applied} 条，重复 ${summary.duplicates} 条，失败 ${summary.failed} 条 (applied ${summary.applied}, duplicates ${summary.duplicates}, failed ${summary.failed})`,
  );
  return summary.failed > 0 ? EXIT.failed : EXIT.ok;
};

async function* importLocally(
  input: AsyncIterable<Buffer>,
  options: ImportOptions,
): AsyncGenerator<ImportResultLine | ImportSummary> {
  const runtime = await openForCommand({ quietCatchUp: true });
  try {
    yield* importCommands(ndjsonLines(input), {
      onError: options.onError,
      language: 'zh',
      actor: { userId: ADMIN_USER_ID, role: 'admin' },
      submit: (envelope, actor) => runtime.commands.submit(envelope, actor),
    });
    await runtime.runner.catchUp();
  } finally {
    await runtime.close();
  }
}

async function* importThroughServer(
  file: string,
  options: ImportOptions,
): AsyncGenerator<ImportResultLine | ImportSummary> {
  if (!options.token)
    throw new CliError(
      '通过服务器导入需要令牌：--token 或环境变量 SUNSHINE_TOKEN（a token is needed with --url）',
      EXIT.usage,
    );
  const url = new URL(`/api/v1/commands/import?onError=${options.onError}`, options.url);
  const response = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${options.token}`, 'content-type': 'application/x-ndjson' },
    body: createReadStream(file) as unknown as ReadableStream,
    duplex: 'half',
  } as RequestInit);
  if (!response.ok || !response.body)
    throw new CliError(`服务器拒绝导入 server refused the import: ${response.status} ${await response.text()}`);
  const reader = createInterface({
    input: (await import('node:stream')).Readable.fromWeb(response.body as never),
    crlfDelay: Infinity,
  });
  for await (const text of reader) if (text.trim()) yield JSON.parse(text);
}

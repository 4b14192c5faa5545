import { Command } from 'commander';
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { loadConfig } from '@sunshine/application';
import {
  generateSigningKey,
  verifyBundle,
  verifyCheckpoint,
  verifyConsistency,
  verifyInclusion,
} from '@sunshine/integrity';
import { exportBundle } from '../../../api/src/queries/export-bundle';
import { act, CliError, EXIT } from '../cli-error';
import { withRuntime } from '../open';
import { Progress } from '../progress';

const readText = (path: string, what: string): string => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new CliError(`无法读取${what} ${path} (cannot read ${path})`, EXIT.usage);
  }
};

/** `sunshine keys generate [-o file]`: a new Ed25519 signing key; never overwrites one. */
const generateKeys = (o: { out?: string }) => {
  const path = resolve(o.out ?? loadConfig().signingKeyPath);
  if (existsSync(path)) throw new CliError(`${path} 已存在，不会覆盖 (already exists; it is never overwritten)`);
  const { privateKeyPem, publicKeyPem } = generateSigningKey();
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  writeFileSync(path, privateKeyPem, { mode: 0o600, flag: 'wx' });
  process.stderr.write(`私钥已写入 private key written to ${path}; 公钥如下 public key:\n`);
  process.stdout.write(publicKeyPem);
  return EXIT.ok;
};

/** `sunshine export <bundle>`: seals a fresh checkpoint, then writes the log up to it with every checkpoint. */
const exportLocally = (bundle: string) =>
  withRuntime(
    async (runtime) => {
      const progress = new Progress(`导出 exporting ${bundle}`);
      const exported = await exportBundle(runtime.events, runtime.integrity, resolve(bundle), {
        exportedAt: new Date(),
        onProgress: (written, total) => progress.update(written, `/ ${total}`),
      });
      if (!exported) throw new CliError('日志为空，无可导出 (the log is empty)');
      progress.done(
        `已导出 ${exported.events} 个事件及签名检查点 (exported ${exported.events} events, checkpoint root ${exported.checkpoint.rootHex})`,
      );
      process.stdout.write(
        `${JSON.stringify({ bundle: resolve(bundle), events: exported.events, checkpoint: exported.checkpoint.note })}\n`,
      );
      return EXIT.ok;
    },
    { quietCatchUp: true },
  );

/** The header and the last checkpoint of a bundle, read from its first lines only. */
const headOfBundle = async (file: string) => {
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  let header: { events: number; checkpoints: number } | undefined;
  let checkpoint: string | null = null;
  let read = 0;
  for await (const line of lines) {
    if (read++ === 0) header = JSON.parse(line);
    else checkpoint = (JSON.parse(line) as { checkpoint: string }).checkpoint;
    if (read > (header?.checkpoints ?? 0)) break;
  }
  lines.close();
  if (!header) throw new CliError('服务器返回的导出文件为空 (the server answered an empty bundle)');
  return { header, checkpoint };
};

/**
 * `sunshine export <bundle> --url <server> --token <t>`: the server seals and answers the bundle
 * (GET /api/v1/integrity/export); it is saved beside the target and renamed once complete.
 */
const exportThroughServer = async (bundle: string, url: string, token: string | undefined) => {
  if (!token)
    throw new CliError(
      '通过服务器导出需要令牌：--token 或环境变量 SUNSHINE_TOKEN（a token is needed with --url）',
      EXIT.usage,
    );
  const response = await fetch(new URL('/api/v1/integrity/export', url), {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!response.ok || !response.body)
    throw new CliError(`服务器拒绝导出 server refused the export: ${response.status} ${await response.text()}`);
  const target = resolve(bundle);
  const partial = `${target}.partial`;
  try {
    await pipeline(Readable.fromWeb(response.body as never), createWriteStream(partial));
    renameSync(partial, target);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  // The header says how many events the bundle holds; its last checkpoint line covers them all.
  const { header, checkpoint } = await headOfBundle(target);
  process.stderr.write(
    `已导出 ${header.events} 个事件及签名检查点 (exported ${header.events} events through ${url})\n`,
  );
  process.stdout.write(`${JSON.stringify({ bundle: target, events: header.events, checkpoint })}\n`);
  return EXIT.ok;
};

/** `sunshine verify <bundle> --public-key <file> [--since <checkpoint>]`: offline, no database. */
const verify = async (bundle: string, o: { publicKey: string; since?: string }) => {
  const publicKey = readText(o.publicKey, '公钥');
  const since = o.since ? readText(o.since, '检查点') : undefined;
  if (!existsSync(bundle)) throw new CliError(`找不到文件 ${bundle} (file not found)`, EXIT.usage);
  const progress = new Progress('校验 verifying');
  let report;
  try {
    report = await verifyBundle(bundle, publicKey, { since }, (checked, total) =>
      progress.update(checked, `/ ${total}`),
    );
  } catch (error) {
    throw new CliError(`无法校验 cannot verify: ${error instanceof Error ? error.message : String(error)}`, EXIT.usage);
  }
  if (!report.ok) {
    const f = report.firstFailure;
    progress.done(
      `✗ 校验失败 verification FAILED: ${f.reason} — stream ${f.stream ?? '-'} revision ${f.revision ?? '-'} position ${f.position ?? '-'}\n  ${f.detail}`,
    );
    process.stdout.write(`${JSON.stringify({ ok: false, firstFailure: f })}\n`);
    return EXIT.failed;
  }
  const unsigned = report.checkpoint === null ? report.events : report.eventsAfterCheckpoint;
  progress.done(
    `✓ 校验通过 intact: ${report.events} events, root ${report.root}` +
      (unsigned > 0 ? `\n  注意 warning: ${unsigned} events are chained but not covered by a signed checkpoint` : '') +
      (report.consistency
        ? `\n  与此前校验的检查点一致 extends the checkpoint verified before (size ${report.consistency.fromSize})`
        : ''),
  );
  process.stdout.write(
    `${JSON.stringify({ ok: true, events: report.events, root: report.root, checkpoint: report.checkpoint, eventsAfterCheckpoint: report.eventsAfterCheckpoint, consistency: report.consistency ?? null })}\n`,
  );
  return EXIT.ok;
};

/**
 * `sunshine check-proof <answer.json> --public-key <file>`: checks a proof fetched from
 * /api/v1/integrity/proofs/* offline, against the signed checkpoint it names.
 */
const checkProof = (file: string, o: { publicKey: string }) => {
  const publicKey = readText(o.publicKey, '公钥');
  let answer: Record<string, unknown>;
  try {
    answer = JSON.parse(readText(file, '证明'));
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`${file} 不是 JSON (not JSON)`, EXIT.usage);
  }
  const signedRoot = (note: unknown, size: number): string => {
    if (typeof note !== 'string')
      throw new CliError(`没有树大小 ${size} 的签名检查点 (no signed checkpoint of size ${size} in the answer)`);
    const checked = verifyCheckpoint(note, publicKey);
    if (!checked.ok) throw new CliError(`检查点签名无效 checkpoint not valid: ${checked.detail}`);
    if (checked.checkpoint.treeSize !== size)
      throw new CliError(`检查点大小不符 checkpoint size ${checked.checkpoint.treeSize} ≠ ${size}`);
    return checked.checkpoint.rootHex;
  };
  let ok: boolean;
  if ('leafIndex' in answer) {
    const size = Number(answer.treeSize);
    ok = verifyInclusion(
      String(answer.leafHash),
      Number(answer.leafIndex),
      size,
      answer.proof as string[],
      signedRoot(answer.checkpoint, size),
    );
  } else {
    const checkpoints = answer.checkpoints as { from: unknown; to: unknown };
    const [from, to] = [Number(answer.fromSize), Number(answer.toSize)];
    ok = verifyConsistency(
      from,
      to,
      answer.proof as string[],
      signedRoot(checkpoints?.from, from),
      signedRoot(checkpoints?.to, to),
    );
  }
  process.stderr.write(
    ok ? '✓ 证明有效 the proof holds against the signed checkpoint\n' : '✗ 证明无效 the proof does NOT hold\n',
  );
  return ok ? EXIT.ok : EXIT.failed;
};

export const registerIntegrityCommands = (program: Command): void => {
  program
    .command('keys')
    .description('signing keys')
    .command('generate')
    .description('a new Ed25519 signing key (PKCS#8 PEM); prints its public key')
    .option('-o, --out <file>', 'where to write it (default: SUNSHINE_SIGNING_KEY or <data dir>/signing-key.pem)')
    .action(act(generateKeys));
  program
    .command('export')
    .description('seal a fresh checkpoint and write the log with its checkpoints to a bundle')
    .argument('<bundle>')
    .option('--url <url>', 'go through a running server instead of opening the store')
    .option('--token <token>', 'bearer token for --url (default: $SUNSHINE_TOKEN)')
    .action(
      act((bundle: string, o: { url?: string; token?: string }) =>
        o.url ? exportThroughServer(bundle, o.url, o.token ?? process.env.SUNSHINE_TOKEN) : exportLocally(bundle),
      ),
    );
  program
    .command('verify')
    .description('verify a bundle offline, with the public key alone')
    .argument('<bundle>')
    .requiredOption('--public-key <file>', 'the Ed25519 public key (SPKI PEM)')
    .option('--since <checkpoint>', 'a checkpoint note verified before: prove this log extends it')
    .action(act(verify));
  program
    .command('check-proof')
    .description('check an inclusion or consistency proof fetched from the API, offline')
    .argument('<answer.json>')
    .requiredOption('--public-key <file>', 'the Ed25519 public key (SPKI PEM)')
    .action(act(checkProof));
};

import { Command } from 'commander';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { loadConfig, verifiablePages } from '@sunshine/application';
import {
  generateSigningKey,
  verifyBundle,
  verifyCheckpoint,
  verifyConsistency,
  verifyInclusion,
  writeBundle,
} from '@sunshine/integrity';
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
const exportBundle = (bundle: string) =>
  withRuntime(
    async (runtime) => {
      const sealed = await runtime.integrity.seal();
      if (!sealed) throw new CliError('日志为空，无可导出 (the log is empty)');
      const progress = new Progress(`导出 exporting ${bundle}`, sealed.treeSize);
      let written = 0;
      async function* events() {
        for await (const page of verifiablePages(runtime.events)) {
          for (const event of page) {
            if (written === sealed?.treeSize) return;
            written++;
            yield event;
          }
          progress.update(written);
        }
      }
      await writeBundle(
        resolve(bundle),
        events(),
        runtime.integrity.checkpointsUpTo(sealed.treeSize).map((c) => c.note),
        {
          origin: runtime.integrity.origin,
          exportedAt: new Date().toISOString(),
          events: sealed.treeSize,
        },
      );
      progress.done(
        `已导出 ${sealed.treeSize} 个事件及签名检查点 (exported ${sealed.treeSize} events, checkpoint root ${sealed.rootHex})`,
      );
      process.stdout.write(
        `${JSON.stringify({ bundle: resolve(bundle), events: sealed.treeSize, checkpoint: sealed.note })}\n`,
      );
      return EXIT.ok;
    },
    { quietCatchUp: true },
  );

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
    .action(act(exportBundle));
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

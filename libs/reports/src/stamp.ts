import { formatBeijingTime } from './chinese-format';
import { ProvenanceStamp, ReportEdition } from './document';

/** The Merkle tree over the log as the report read it, and the latest checkpoint signed over the log. */
export interface LogState {
  /** Events in the log the report was computed from (the tree's size at its position). */
  treeSize: number;
  /** RFC 6962 root of that tree, lowercase hex; null for an empty log. */
  rootHex: string | null;
  /** The latest signed checkpoint (C2SP tlog-checkpoint note), if any. */
  checkpoint: { treeSize: number; rootHex: string; note: string; signedAt: string } | null;
}

/** Tells the tree head of the log up to a position (null: an empty log). */
export interface LogStateReader {
  logState(position: string | null): Promise<LogState>;
}

/** The signature of a C2SP note: the base64 after the key name on its "— name signature" line. */
const signatureOf = (note: string): string | undefined => {
  const line = note.split('\n').find((l) => l.startsWith('— '));
  return line?.split(' ').at(-1);
};

/**
 * The provenance stamp: where the figures come from, so that anyone holding the township's public
 * key can hold the document against the log (the log position and tree size, the Merkle root, the
 * signed checkpoint). Worded without a space beside a digit, like the rest of the document.
 */
export const provenanceStamp = (
  edition: ReportEdition,
  options: { position: string | null; knownAt: string | null; generatedAt: Date; log: LogState },
): ProvenanceStamp => {
  const { position, knownAt, generatedAt, log } = options;
  const lines = [
    `本文由阳光台账根据不可改写的事件日志自动生成，生成于${formatBeijingTime(generatedAt)}（北京时间）。`,
    position === null
      ? '生成时日志中尚无事件。'
      : `数据截至日志位置${position}${knownAt === null ? '' : `，按${formatBeijingTime(new Date(knownAt))}（北京时间）时已记录的事件统计`}。`,
  ];
  if (log.rootHex !== null) lines.push(`日志默克尔树：树大小${log.treeSize}，根哈希：${log.rootHex}。`);
  const { checkpoint } = log;
  if (checkpoint) {
    const signature = signatureOf(checkpoint.note);
    lines.push(
      `最近签名检查点：树大小${checkpoint.treeSize}，根哈希：${checkpoint.rootHex}，签名于${formatBeijingTime(new Date(checkpoint.signedAt))}（北京时间）${
        signature ? `，Ed25519签名：${signature}` : ''
      }。`,
    );
    lines.push(
      '核验方法：以本镇公布的公钥运行 sunshine verify 核验导出的日志，或向 /api/v1/integrity/proofs/consistency 查询两棵树之间的一致性证明。',
    );
  } else lines.push('日志尚无签名检查点。');
  if (edition === 'evidence') lines.push('文中数字后的编号对应附录所列的事件记录。');
  return { title: '数据来源说明', lines };
};

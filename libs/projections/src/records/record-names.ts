import { AuditSubject, ruleOfWarning, wordFor } from '@sunshine/domain';
import { AuditDoc, DisputeDoc, IndicatorDoc, InvestmentDoc, ProjectDoc, VillageDoc, villageKey } from './record-docs';

/** Reads one document by its key (a ProjectionStore or a replayed MemoryProjectionStore). */
export interface DocumentReader {
  get<Doc>(key: string): Promise<Doc | undefined>;
}

const category = (stream: string): [string, string] => {
  const dash = stream.indexOf('-');
  return dash < 0 ? [stream, ''] : [stream.slice(0, dash), stream.slice(dash + 1)];
};

/** An indicator by the name DefineIndicator gave it, else the built-in one, else its code. */
export const indicatorName = (code: string, defined?: string): string => defined ?? wordFor('indicator', code);

/** Streams that are not records of their own, by what they hold. */
const LOG_STREAMS: Record<string, string> = {
  terms: '届次',
  users: '系统用户',
  disclosures: '个人信息查阅记录',
};

/**
 * What a township official calls a record: a village by its name, a signing by its investor, a
 * project by its name, a dispute by its case type and number (its parties are personal data), an
 * audit by what it audited. Each document is read once.
 */
export class RecordNames {
  private readonly names = new Map<string, Promise<string | undefined>>();

  constructor(private readonly reader: DocumentReader) {}

  village(villageId: string): Promise<string | undefined> {
    return this.once(`village:${villageId}`, async () => {
      const village = await this.reader.get<VillageDoc>(villageKey(villageId));
      return village?.villageId === villageId ? village.name : undefined;
    });
  }

  /** The audited village, project or signing by its name; a department by the name it was recorded with. */
  async auditSubject(subject: AuditSubject): Promise<string> {
    const named = subject.kind === 'department' ? undefined : await this.ofStream(`${subject.kind}-${subject.id}`);
    return named ?? subject.id;
  }

  /** The name of the record a stream holds, or the stream itself when it holds none this knows. */
  async ofStream(stream: string): Promise<string> {
    return (await this.once(`stream:${stream}`, () => this.lookUp(stream))) ?? stream;
  }

  private async lookUp(stream: string): Promise<string | undefined> {
    if (Object.hasOwn(LOG_STREAMS, stream)) return LOG_STREAMS[stream];
    const [kind, id] = category(stream);
    switch (kind) {
      case 'village':
        return this.village(id);
      case 'investment':
        return (await this.reader.get<InvestmentDoc>(stream))?.investor;
      case 'project':
        return (await this.reader.get<ProjectDoc>(stream))?.name;
      case 'dispute': {
        const dispute = await this.reader.get<DisputeDoc>(stream);
        return dispute && `${wordFor('disputeCategory', dispute.category)}（${dispute.disputeId}）`;
      }
      case 'audit': {
        const audit = await this.reader.get<AuditDoc>(stream);
        return audit && `${await this.auditSubject(audit.subject)}${wordFor('auditScope', audit.scope)}审计`;
      }
      case 'indicator':
        return indicatorName(id, (await this.reader.get<IndicatorDoc>(stream))?.name);
      case 'subject':
        return '当事人';
      case 'warning': {
        const rule = ruleOfWarning(id);
        return rule && `${wordFor('warningRule', rule)}预警`;
      }
      default:
        return undefined;
    }
  }

  private once(key: string, read: () => Promise<string | undefined>): Promise<string | undefined> {
    let name = this.names.get(key);
    if (!name) this.names.set(key, (name = read()));
    return name;
  }
}

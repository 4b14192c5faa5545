import { hasWordFor, wordFor } from '@sunshine/domain';
import {
  IndicatorDoc,
  InvestmentDoc,
  ProjectDoc,
  RECORD_CATEGORIES,
  RecordSource,
  VillageDoc,
} from '@sunshine/projections';

/**
 * The names people know records by, looked up in the read models for one answer: a village's
 * name, a project's, an investment's investor. The villages are read once (a township has tens).
 */
export class NameBook {
  private villages?: Promise<Map<string, string>>;
  private readonly streams = new Map<string, Promise<string | undefined>>();

  constructor(private readonly source: RecordSource & { get<Doc>(key: string): Promise<Doc | undefined> }) {}

  async villageName(villageId: string | undefined): Promise<string | null> {
    if (villageId === undefined) return null;
    return (await this.allVillages()).get(villageId) ?? null;
  }

  async allVillages(): Promise<Map<string, string>> {
    this.villages ??= (async () => {
      const names = new Map<string, string>();
      for await (const village of this.source.scan<VillageDoc>(RECORD_CATEGORIES.village))
        names.set(village.villageId, village.name);
      return names;
    })();
    return this.villages;
  }

  async projectName(projectId: string): Promise<string | null> {
    return (await this.ofStream(`project-${projectId}`, (doc: ProjectDoc) => doc.name)) ?? null;
  }

  async investor(investmentId: string): Promise<string | null> {
    return (await this.ofStream(`investment-${investmentId}`, (doc: InvestmentDoc) => doc.investor)) ?? null;
  }

  /** What an audit's subject is called: a village, a project, an investment, or a department's own id. */
  async auditSubject(subject: { kind: string; id: string }): Promise<string> {
    const name =
      subject.kind === 'village'
        ? await this.villageName(subject.id)
        : subject.kind === 'project'
          ? await this.projectName(subject.id)
          : subject.kind === 'investment'
            ? await this.investor(subject.id)
            : null;
    return name ?? subject.id;
  }

  /** An indicator's Chinese name: as defined in the log, else the built-in catalogue's, else its code. */
  async indicatorName(code: string): Promise<string> {
    const defined = await this.ofStream(`indicator-${code}`, (doc: IndicatorDoc) => doc.name ?? '');
    return defined || (hasWordFor('indicator', code) ? wordFor('indicator', code) : code);
  }

  private ofStream<Doc>(key: string, name: (doc: Doc) => string): Promise<string | undefined> {
    let found = this.streams.get(key);
    if (!found) {
      found = this.source.get<Doc>(key).then((doc) => (doc ? name(doc) : undefined));
      this.streams.set(key, found);
    }
    return found;
  }
}

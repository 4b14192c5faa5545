import { randomBytes } from 'node:crypto';
import { Actor, notFound } from '@sunshine/domain';
import { CommandEnvelope, CommandOutcome, CommandPipeline } from './command-pipeline';
import { SecretStore } from './secrets/secret-store';
import { capabilityFor, requireCapability } from './access-policy';

export interface ExecutedCommand extends CommandOutcome {
  /** A new user's bearer token, shown this once; only its hash is kept. */
  token?: string;
}

/**
 * The pipeline plus what surrounds a command outside the log: a new user's token (never in an
 * event) and a nudge to the projections. The HTTP handlers, the import and the CLI all use it.
 */
export class CommandService {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly secrets: SecretStore,
    private readonly appended: () => void,
  ) {}

  async execute(envelope: CommandEnvelope, actor: Actor): Promise<ExecutedCommand> {
    return (await this.submit(envelope, actor)).durable;
  }

  async submit(envelope: CommandEnvelope, actor: Actor): Promise<{ durable: Promise<ExecutedCommand> }> {
    // Whether a subject exists is itself told only to those who may erase.
    requireCapability(actor, capabilityFor(envelope.type));
    // A subject exists once a dispute named it: its key is the record of it, outside the log.
    if (envelope.type === 'ErasePersonalData' && this.secrets.subjectKey(String(envelope.data.subjectId)) === undefined)
      throw notFound({ zh: '当事人', en: 'Data subject' }, String(envelope.data.subjectId), 'data.subjectId');
    const { durable } = await this.pipeline.submit(envelope, actor);
    return {
      durable: durable.then(async (outcome) => {
        this.appended();
        // The erasure is durable in the log: now the key goes, and the data reads as [erased].
        if (envelope.type === 'ErasePersonalData')
          await this.secrets.destroySubjectKey(String(envelope.data.subjectId));
        if (envelope.type !== 'RegisterUser' || outcome.duplicate) return outcome;
        const token = randomBytes(32).toString('base64url');
        await this.secrets.setToken(String(envelope.data.userId), token);
        return { ...outcome, token };
      }),
    };
  }
}

import { Actor } from '@sunshine/domain';

/** The Nest command of a bulk import: NDJSON lines in, result lines out. */
export class ImportCommands {
  constructor(
    readonly lines: AsyncIterable<string>,
    readonly actor: Actor,
    readonly onError: 'stop' | 'continue',
    readonly language: 'zh' | 'en',
  ) {}
}

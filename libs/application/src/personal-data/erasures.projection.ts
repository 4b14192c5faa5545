import { Projection } from '@sunshine/projections';

export const ERASED_SUBJECT = 'erased-subject';

/**
 * Which data subjects were erased. On every start the ledger destroys their keys again, so a key
 * restored from an old backup of the secrets does not bring erased personal data back.
 */
export const erasuresProjection: Projection = {
  name: 'erasures',
  version: 1,
  categories: [ERASED_SUBJECT],
  keysOf: (event) =>
    event.type === 'PersonalDataErased'
      ? [{ key: `${ERASED_SUBJECT}/${(event.data as { subjectId: string }).subjectId}`, category: ERASED_SUBJECT }]
      : [],
  evolve: (_doc, event) => ({
    subjectId: (event.data as { subjectId: string }).subjectId,
    erasedAt: event.metadata.recordedAt,
    eventId: event.eventId,
  }),
};

import { defineContext } from '../shared/command-spec';
import { personalDataDecider } from './personal-data.decider';
import { subjectStream } from './personal-data.events';

export const personalDataContext = defineContext({
  name: 'personal-data',
  category: 'subject',
  aggregate: { zh: '当事人', en: 'data subject' },
  decider: personalDataDecider,
  commands: {
    // The subject's stream starts with its erasure; whether the subject is known is the key store's to say.
    ErasePersonalData: {
      stream: (d) => subjectStream(d.subjectId),
      creates: true,
      idField: 'subjectId',
      references: (d) => [
        { field: 'data.subjectId', what: { zh: '当事人', en: 'Data subject' }, id: d.subjectId, subject: d.subjectId },
      ],
    },
  },
  // An erasure destroyed a key: voiding it could not bring the data back.
});

import { defineContext } from '../shared/command-spec';
import { warningDecider } from './warnings.decider';
import { warningStream } from './warnings.events';

export const warningsContext = defineContext({
  name: 'warnings',
  category: 'warning',
  aggregate: { zh: '预警', en: 'warning' },
  decider: warningDecider,
  commands: {
    // A warning is derived from the log and the calendar: its stream begins with its first handling,
    // and the warnings evaluator says whether it was raised on the day it was handled.
    HandleWarning: {
      stream: (d) => warningStream(d.warningId),
      creates: true,
      idField: 'warningId',
      references: (d) => [
        {
          field: 'data.warningId',
          what: { zh: `${d.handledOn}时的预警`, en: `Warning as of ${d.handledOn}` },
          id: d.warningId,
          warning: d.warningId,
          asOf: d.handledOn,
        },
      ],
    },
  },
  // A handling is corrected by the next one, never voided: the trail is what supervisors answer for.
});

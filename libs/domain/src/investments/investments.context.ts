import { voidable, voidRecordSpec } from '../void/void-record';
import { defineContext } from '../shared/command-spec';
import { projectRef, villageRef } from '../shared/references';
import { investmentDecider } from './investments.decider';
import { investmentStream } from './investments.events';

export const investmentsContext = defineContext({
  name: 'investments',
  category: 'investment',
  aggregate: { zh: '招商项目', en: 'investment' },
  decider: voidable(investmentDecider),
  commands: {
    SignInvestment: {
      stream: (d) => investmentStream(d.investmentId),
      creates: true,
      idField: 'investmentId',
      references: (d) => [...villageRef(d.villageId), ...projectRef(d.projectId)],
      village: (d) => d.villageId,
    },
    RecordCapitalArrival: { stream: (d) => investmentStream(d.investmentId), creates: false, idField: 'investmentId' },
    AmendInvestment: { stream: (d) => investmentStream(d.investmentId), creates: false, idField: 'investmentId' },
    TerminateInvestment: { stream: (d) => investmentStream(d.investmentId), creates: false, idField: 'investmentId' },
    VoidRecord: voidRecordSpec,
  },
  villageOf: ({ record: state }) => (state.status === 'unsigned' ? undefined : state.signing.villageId),
});

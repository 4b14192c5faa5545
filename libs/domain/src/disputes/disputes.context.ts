import { voidable, voidRecordSpec } from '../void/void-record';
import { defineContext } from '../shared/command-spec';
import { villageRef } from '../shared/references';
import { disputeDecider } from './disputes.decider';
import { disputeStream } from './disputes.events';

export const disputesContext = defineContext({
  name: 'disputes',
  category: 'dispute',
  aggregate: { zh: '矛盾纠纷', en: 'dispute' },
  decider: voidable(disputeDecider),
  commands: {
    RegisterDispute: {
      stream: (d) => disputeStream(d.disputeId),
      creates: true,
      idField: 'disputeId',
      references: (d) => villageRef(d.villageId),
      village: (d) => d.villageId,
    },
    RecordMediation: { stream: (d) => disputeStream(d.disputeId), creates: false, idField: 'disputeId' },
    ResolveDispute: { stream: (d) => disputeStream(d.disputeId), creates: false, idField: 'disputeId' },
    EscalateDispute: { stream: (d) => disputeStream(d.disputeId), creates: false, idField: 'disputeId' },
    VoidRecord: voidRecordSpec,
  },
  villageOf: ({ record: state }) => (state.status === 'unregistered' ? undefined : state.villageId),
});

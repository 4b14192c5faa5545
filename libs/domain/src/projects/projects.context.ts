import { voidable, voidRecordSpec } from '../void/void-record';
import { defineContext } from '../shared/command-spec';
import { villageRef } from '../shared/references';
import { projectDecider } from './projects.decider';
import { projectStream } from './projects.events';

export const projectsContext = defineContext({
  name: 'projects',
  category: 'project',
  aggregate: { zh: '项目', en: 'project' },
  decider: voidable(projectDecider),
  commands: {
    RegisterProject: {
      stream: (d) => projectStream(d.projectId),
      creates: true,
      idField: 'projectId',
      references: (d) => villageRef(d.villageId),
      village: (d) => d.villageId,
    },
    RecordMilestone: { stream: (d) => projectStream(d.projectId), creates: false, idField: 'projectId' },
    ReportProjectProgress: { stream: (d) => projectStream(d.projectId), creates: false, idField: 'projectId' },
    RecordProjectOutput: { stream: (d) => projectStream(d.projectId), creates: false, idField: 'projectId' },
    MarkKeyProject: { stream: (d) => projectStream(d.projectId), creates: false, idField: 'projectId' },
    VoidRecord: voidRecordSpec,
  },
  villageOf: ({ record: state }) => (state.registered ? state.villageId : undefined),
});

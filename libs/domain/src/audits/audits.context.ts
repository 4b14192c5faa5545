import { voidable, voidRecordSpec } from '../void/void-record';
import { defineContext, Reference } from '../shared/command-spec';
import { investmentRef, projectRef, villageRef } from '../shared/references';
import { AuditSubject } from './audits.commands';
import { auditDecider } from './audits.decider';
import { auditStream } from './audits.events';

/** A village, project or investment audited must be on record (404 naming the field); a department is free text. */
const subjectRef = (subject: AuditSubject): Reference[] => {
  const field = 'data.subject.id';
  switch (subject.kind) {
    case 'village':
      return villageRef(subject.id, field);
    case 'project':
      return projectRef(subject.id, field);
    case 'investment':
      return investmentRef(subject.id, field);
    case 'department':
      return [];
    default: {
      const unknown: never = subject.kind;
      throw new Error(`unknown audit subject ${String(unknown)}`);
    }
  }
};

export const auditsContext = defineContext({
  name: 'audits',
  category: 'audit',
  aggregate: { zh: '审计', en: 'audit' },
  decider: voidable(auditDecider),
  commands: {
    OpenAudit: {
      stream: (d) => auditStream(d.auditId),
      creates: true,
      idField: 'auditId',
      references: (d) => subjectRef(d.subject),
      village: (d) => (d.subject.kind === 'village' ? d.subject.id : undefined),
    },
    RecordFinding: { stream: (d) => auditStream(d.auditId), creates: false, idField: 'auditId' },
    RecordRectification: { stream: (d) => auditStream(d.auditId), creates: false, idField: 'auditId' },
    CloseAudit: { stream: (d) => auditStream(d.auditId), creates: false, idField: 'auditId' },
    VoidRecord: voidRecordSpec,
  },
  villageOf: ({ record: state }) =>
    state.status !== 'unopened' && state.subject.kind === 'village' ? state.subject.id : undefined,
});

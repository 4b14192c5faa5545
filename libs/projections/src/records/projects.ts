import { StoredEvent } from '@sunshine/event-store';
import {
  KeyProjectMarked,
  MilestoneReached,
  ProjectOutputRecorded,
  ProjectProgressReported,
  ProjectRegistered,
} from '@sunshine/domain';
import { ProjectDoc, refOf } from './record-docs';
import { RecordEvolver, shaped } from './record-evolver';

export const projectRecords: RecordEvolver<ProjectDoc> = {
  category: 'project',
  types: [
    'ProjectRegistered',
    'MilestoneReached',
    'ProjectProgressReported',
    'ProjectOutputRecorded',
    'KeyProjectMarked',
  ],
  evolve: (doc, event) => {
    if (event.type === 'ProjectRegistered') {
      const { projectId, name, category, registeredOn, plannedInvestment, funding, villageId } = (
        event as StoredEvent<ProjectRegistered['data']>
      ).data;
      return {
        stream: event.stream,
        voided: false,
        projectId,
        name,
        category,
        registeredOn,
        plannedInvestment,
        funding: (funding ?? []).map(({ source, amount }) => ({ source, amount })),
        ...(villageId !== undefined && { villageId }),
        milestones: [],
        progress: [],
        outputs: [],
        refs: [refOf(event)],
      };
    }
    if (!doc) return doc;
    switch (event.type) {
      case 'MilestoneReached': {
        const { milestone, reachedOn } = (event as StoredEvent<MilestoneReached['data']>).data;
        return shaped(doc, event, {
          milestones: [...doc.milestones, { milestone, reachedOn, eventId: event.eventId }],
        });
      }
      case 'ProjectProgressReported': {
        const { investedToDate, asOf } = (event as StoredEvent<ProjectProgressReported['data']>).data;
        return shaped(doc, event, { progress: [...doc.progress, { investedToDate, asOf, eventId: event.eventId }] });
      }
      case 'ProjectOutputRecorded': {
        const { metric, quantity, on } = (event as StoredEvent<ProjectOutputRecorded['data']>).data;
        return shaped(doc, event, { outputs: [...doc.outputs, { metric, quantity, on, eventId: event.eventId }] });
      }
      case 'KeyProjectMarked': {
        const { key, reason } = (event as StoredEvent<KeyProjectMarked['data']>).data;
        return shaped(doc, event, { key: { key, reason, eventId: event.eventId } });
      }
      default:
        return doc;
    }
  },
};

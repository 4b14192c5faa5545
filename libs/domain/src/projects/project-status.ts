import { Milestone } from './projects.commands';

export type ProjectStatus =
  'registered' | 'under-construction' | 'completed' | 'accepted' | 'commissioned' | 'suspended';
export const PROJECT_STATUSES: readonly ProjectStatus[] = [
  'registered',
  'under-construction',
  'completed',
  'accepted',
  'commissioned',
  'suspended',
];

/** A project's status and, while suspended, the status that `resumed` returns it to. */
export interface StatusTrack {
  status: ProjectStatus;
  resumesTo?: ProjectStatus;
}

export const NEW_PROJECT: StatusTrack = { status: 'registered' };

/**
 * The status after one more milestone (docs/domain.md#projects-项目建设): `agreement-signed` changes nothing,
 * `accepted` or `commissioned` is whichever came last, `resumed` returns to the status before
 * the suspension. Assumes the milestone was accepted by the decider.
 */
export const afterMilestone = (track: StatusTrack, milestone: Milestone): StatusTrack => {
  switch (milestone) {
    case 'agreement-signed':
      return track;
    case 'construction-started':
      return { status: 'under-construction' };
    case 'completed':
    case 'accepted':
    case 'commissioned':
      return { status: milestone };
    case 'suspended':
      return { status: 'suspended', resumesTo: track.status };
    case 'resumed':
      return { status: track.resumesTo ?? track.status };
    default: {
      const unknown: never = milestone;
      throw new Error(`unknown milestone ${String(unknown)}`);
    }
  }
};

/** The status a project has after its milestones, in the order they were recorded. */
export const projectStatus = (milestones: Iterable<Milestone>): ProjectStatus => {
  let track = NEW_PROJECT;
  for (const milestone of milestones) track = afterMilestone(track, milestone);
  return track.status;
};

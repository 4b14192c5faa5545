import { Decider, unknownEvent } from '../shared';
import { ReportSectionCommand } from './report-sections.commands';
import { ReportSectionEvent } from './report-sections.events';

/** Each section's current text and the event that wrote it. */
export interface ReportProse {
  sections: Record<string, { text: string; eventId?: string }>;
}

export const reportSectionsDecider: Decider<ReportSectionCommand, ReportSectionEvent, ReportProse> = {
  initialState: () => ({ sections: {} }),

  evolve: (state, event) => {
    switch (event.type) {
      case 'ReportSectionWritten':
        return {
          sections: { ...state.sections, [event.data.section]: { text: event.data.text, eventId: event.eventId } },
        };
      default:
        return unknownEvent(event.type, state);
    }
  },

  decide: (command, state) => {
    switch (command.type) {
      case 'WriteReportSection': {
        const { section, text } = command.data;
        const current = Object.hasOwn(state.sections, section) ? state.sections[section] : undefined;
        // The same text again changes nothing, so nothing is appended.
        if (current?.text === text) return [];
        return [
          {
            type: 'ReportSectionWritten',
            data: { ...command.data },
            ...(current?.eventId ? { corrects: current.eventId } : {}),
          },
        ];
      }
      default: {
        const unknown: never = command.type;
        throw new Error(`unknown command ${String(unknown)}`);
      }
    }
  },
};

import { LocalDate } from '../shared';

export interface OpenTerm {
  type: 'OpenTerm';
  data: { termId: string; name: string; startsOn: LocalDate; endsOn: LocalDate };
}

export type TermCommand = OpenTerm;

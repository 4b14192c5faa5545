import { DomainEvent } from '../shared';
import { RecordHonour } from './honours.commands';

export type HonourRecorded = DomainEvent<'HonourRecorded', RecordHonour['data']>;

export type HonourEvent = HonourRecorded;

export const honourStream = (honourId: string): string => `honour-${honourId}`;

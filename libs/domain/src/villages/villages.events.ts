import { DomainEvent } from '../shared';
import { RegisterVillage } from './villages.commands';

export type VillageRegistered = DomainEvent<'VillageRegistered', RegisterVillage['data']>;

export type VillageEvent = VillageRegistered;

export const villageStream = (villageId: string): string => `village-${villageId}`;

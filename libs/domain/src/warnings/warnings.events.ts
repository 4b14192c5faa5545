import { DomainEvent } from '../shared';
import { HandleWarning } from './warnings.commands';

/** On `warning-<warningId>`: one handling of the warning, in its trail. */
export type WarningHandled = DomainEvent<'WarningHandled', HandleWarning['data']>;

export type WarningEvent = WarningHandled;

/** A warning's handlings live on their own stream, named after the warning. */
export const warningStream = (warningId: string): string => `warning-${warningId}`;

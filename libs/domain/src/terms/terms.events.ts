import { DomainEvent } from '../shared';
import { OpenTerm } from './terms.commands';

export type TermOpened = DomainEvent<'TermOpened', OpenTerm['data']>;

export type TermEvent = TermOpened;

export const TERMS_STREAM = 'terms';

/**
 * Injection tokens for the parts of the opened runtime that are not classes of their own (the
 * classes — CommandPipeline, ReadSide, IntegrityService, ProjectionRunner, SecretStore,
 * Authenticator, AuditTrail, Warnings — are their own tokens).
 */
export const EVENT_STORE = Symbol('EventStore');
export const CONFIG = Symbol('Config');
export const CLOCK = Symbol('Clock');
/** The read models' store (the records projection's documents), for the lists that name records. */
export const READ_STORE = Symbol('ProjectionStore');

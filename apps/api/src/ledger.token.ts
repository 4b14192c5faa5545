/** Injection tokens for what the composition root opened. */
export const LEDGER = Symbol('Ledger');
export const AUTHENTICATOR = Symbol('Authenticator');

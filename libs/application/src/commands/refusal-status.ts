import { DomainError } from '@sunshine/domain';

/**
 * The one table from a refused command to its HTTP status, used alike by the API's answers
 * (ProblemFilter) and by the result lines of an import.
 */
const STATUS_OF_KIND: Record<DomainError['kind'], number> = {
  validation: 400,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  rule: 422,
};

export const statusOf = (error: DomainError): number => STATUS_OF_KIND[error.kind];

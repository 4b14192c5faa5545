import { administrationDtos } from './administration.dto';
import { investmentDtos } from './investments.dto';

/** The DTO that validates each command type's `data`. Every command the API takes is listed. */
export const COMMAND_DTOS: Record<string, new () => object> = {
  ...administrationDtos,
  ...investmentDtos,
};

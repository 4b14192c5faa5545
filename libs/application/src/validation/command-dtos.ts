import { administrationDtos } from './administration.dto';
import { auditDtos } from './audits.dto';
import { disputeDtos } from './disputes.dto';
import { indicatorDtos } from './indicators.dto';
import { investmentDtos } from './investments.dto';
import { personalDataDtos } from './personal-data.dto';
import { projectDtos } from './projects.dto';
import { villageFinanceDtos } from './village-finance.dto';

/** The DTO that validates each command type's `data`. Every command the API takes is listed. */
export const COMMAND_DTOS: Record<string, new () => object> = {
  ...administrationDtos,
  ...investmentDtos,
  ...projectDtos,
  ...disputeDtos,
  ...auditDtos,
  ...villageFinanceDtos,
  ...indicatorDtos,
  ...personalDataDtos,
};

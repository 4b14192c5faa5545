import { IsId, IsText } from './decorators';

export class ErasePersonalDataDto {
  @IsId() subjectId!: string;
  @IsText() reason!: string;
}

export const personalDataDtos = {
  ErasePersonalData: ErasePersonalDataDto,
};

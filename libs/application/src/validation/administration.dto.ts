import { IsId, IsLocalDate, IsText } from './decorators';

export class OpenTermDto {
  @IsId() termId!: string;
  @IsText(200) name!: string;
  @IsLocalDate() startsOn!: string;
  @IsLocalDate() endsOn!: string;
}

export class RegisterVillageDto {
  @IsId() villageId!: string;
  @IsText(200) name!: string;
}

export class VoidRecordDto {
  @IsText(200) stream!: string;
  @IsText() reason!: string;
}

export const administrationDtos = {
  OpenTerm: OpenTermDto,
  RegisterVillage: RegisterVillageDto,
  VoidRecord: VoidRecordDto,
};

import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsIn } from 'class-validator';
import { ROLES } from '@sunshine/domain';
import { IsId, IsIdList, IsLocalDate, IsText, Optional } from './decorators';

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

export class RegisterUserDto {
  @IsId() userId!: string;
  @IsText(200) name!: string;
  @IsIn(ROLES) role!: string;
  /** Absent: all villages. An empty list would let a clerk record nothing, so it is refused. */
  @Optional() @IsIdList() @ArrayMinSize(1) @ArrayMaxSize(1000) @ArrayUnique() villages?: string[];
}

export class ChangeUserRoleDto {
  @IsId() userId!: string;
  @IsIn(ROLES) role!: string;
}

export class RevokeUserDto {
  @IsId() userId!: string;
  @IsText() reason!: string;
}

export class VoidRecordDto {
  @IsText(200) stream!: string;
  @IsText() reason!: string;
}

export const administrationDtos = {
  OpenTerm: OpenTermDto,
  RegisterVillage: RegisterVillageDto,
  RegisterUser: RegisterUserDto,
  ChangeUserRole: ChangeUserRoleDto,
  RevokeUser: RevokeUserDto,
  VoidRecord: VoidRecordDto,
};

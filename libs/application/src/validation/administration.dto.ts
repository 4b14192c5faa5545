import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsIn } from 'class-validator';
import {
  ChangeUserRole,
  DataOf,
  LocalDate,
  OpenTerm,
  RegisterUser,
  RegisterVillage,
  RevokeUser,
  Role,
  ROLES,
  VoidRecord,
} from '@sunshine/domain';
import { IsId, IsIdList, IsLocalDate, IsText, Optional } from './decorators';
import { Field, Form } from './form';

@Form({ title: '设立届次', group: 'administration', summary: '一届领导班子的任期，工作总结按届次生成' })
export class OpenTermDto implements DataOf<'OpenTerm'> {
  @Field('届次编号', { hint: '如 2021-2026' }) @IsId() termId!: string;
  @Field('届次名称', { hint: '如 第十二届镇政府领导班子' }) @IsText(200) name!: string;
  @Field('任期开始日期') @IsLocalDate() startsOn!: LocalDate;
  @Field('任期结束日期') @IsLocalDate() endsOn!: LocalDate;
}

@Form({ title: '登记行政村', group: 'administration', summary: '本镇所辖行政村，村级财务按村记账' })
export class RegisterVillageDto implements DataOf<'RegisterVillage'> {
  @Field('村编号', { newId: 'C' }) @IsId() villageId!: string;
  @Field('村名') @IsText(200) name!: string;
}

@Form({ title: '添加用户', group: 'users', summary: '令牌只显示一次，用户以令牌首次设置密码' })
export class RegisterUserDto implements DataOf<'RegisterUser'> {
  @Field('用户名') @IsId() userId!: string;
  @Field('姓名') @IsText(200) name!: string;
  @Field('角色', { words: 'role' }) @IsIn(ROLES) role!: Role;
  /** Absent: all villages. An empty list would let a clerk record nothing, so it is refused. */
  @Field('可录入的村', { pick: 'village', hint: '不选则可为全部村录入' })
  @Optional()
  @IsIdList()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ArrayUnique()
  villages?: string[];
}

@Form({ title: '更改用户角色', group: 'users' })
export class ChangeUserRoleDto implements DataOf<'ChangeUserRole'> {
  @Field('用户', { pick: 'user' }) @IsId() userId!: string;
  @Field('新角色', { words: 'role' }) @IsIn(ROLES) role!: Role;
}

@Form({ title: '停用用户', group: 'users', summary: '停用后其令牌和会话立即失效' })
export class RevokeUserDto implements DataOf<'RevokeUser'> {
  @Field('用户', { pick: 'user' }) @IsId() userId!: string;
  @Field('停用原因') @IsText() reason!: string;
}

@Form({ title: '作废记录', group: 'corrections', summary: '误录的记录作废后不再计入任何统计，但永久保留在审计记录中' })
export class VoidRecordDto implements DataOf<'VoidRecord'> {
  @Field('记录', { pick: 'record' }) @IsText(200) stream!: string;
  @Field('作废原因') @IsText() reason!: string;
}

export const administrationDtos = {
  OpenTerm: OpenTermDto,
  RegisterVillage: RegisterVillageDto,
  RegisterUser: RegisterUserDto,
  ChangeUserRole: ChangeUserRoleDto,
  RevokeUser: RevokeUserDto,
  VoidRecord: VoidRecordDto,
};

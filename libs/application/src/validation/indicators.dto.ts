import { IsIn, IsString, Matches } from 'class-validator';
import {
  DataOf,
  INDICATOR_CODE,
  INDICATOR_KINDS,
  INDICATOR_SECTIONS,
  IndicatorKind,
  IndicatorSection,
} from '@sunshine/domain';
import { IsFiniteNumber, IsIndicatorValue, IsPeriod, IsText, Optional } from './decorators';
import { Field, Form } from './form';

@Form({
  title: '定义指标',
  group: 'indicators',
  summary: '指标的中文名称、单位、类型和在工作总结中的位置；新的指标须先定义再报送',
})
export class DefineIndicatorDto implements DataOf<'DefineIndicator'> {
  @Field('指标代码', { hint: '小写字母、数字和连字符，如 village-clinic' })
  @IsString()
  @Matches(INDICATOR_CODE, { message: '$property must be a code of a-z, 0-9 and -' })
  indicator!: string;
  @Field('指标名称', { hint: '如 村卫生室数量' }) @IsText(100) name!: string;
  @Field('单位', { words: 'indicatorUnit', open: true }) @IsText(40) unit!: string;
  @Field('指标类型', { words: 'indicatorKind' }) @IsIn(INDICATOR_KINDS) kind!: IndicatorKind;
  @Field('所属部分', { words: 'indicatorSection' }) @IsIn(INDICATOR_SECTIONS) section!: IndicatorSection;
  @Field('说明') @Optional() @IsText(2000) description?: string;
  @Field('重新定义原因') @Optional() @IsText() reason?: string;
}

@Form({ title: '报送经济指标', group: 'indicators', summary: '同一期间再次报送即为修订，须写明原因' })
export class ReportIndicatorDto implements DataOf<'ReportIndicator'> {
  @Field('指标', { pick: 'indicator' })
  @IsString()
  @Matches(INDICATOR_CODE, { message: '$property must be a code of a-z, 0-9 and -' })
  indicator!: string;
  @Field('期间', { hint: '年度如 2025；或起止月份如 2025-01/2025-09' }) @IsPeriod() period!: string;
  /** Checked against `unit`: a CNY unit takes an integer of minor units (400 here, before any state). */
  @Field('数值') @IsIndicatorValue() value!: number;
  @Field('单位', { words: 'indicatorUnit', open: true }) @IsText(40) unit!: string;
  @Field('修订原因') @Optional() @IsText() reason?: string;
}

@Form({ title: '设定指标目标', group: 'indicators' })
export class SetIndicatorTargetDto implements DataOf<'SetIndicatorTarget'> {
  @Field('指标', { pick: 'indicator' })
  @IsString()
  @Matches(INDICATOR_CODE, { message: '$property must be a code of a-z, 0-9 and -' })
  indicator!: string;
  @Field('期间') @IsPeriod() period!: string;
  /** Its unit is the indicator's, known only from the stream: the decider checks CNY targets (422). */
  @Field('目标值') @IsFiniteNumber() target!: number;
}

export const indicatorDtos = {
  DefineIndicator: DefineIndicatorDto,
  ReportIndicator: ReportIndicatorDto,
  SetIndicatorTarget: SetIndicatorTargetDto,
};

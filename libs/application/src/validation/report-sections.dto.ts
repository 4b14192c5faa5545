import { IsIn } from 'class-validator';
import { DataOf, REPORT_SECTION_MAX_LENGTH, REPORT_SECTIONS, ReportSection } from '@sunshine/domain';
import { IsId, IsText } from './decorators';
import { Field, Form } from './form';

@Form({
  title: '撰写总结文字',
  group: 'administration',
  summary: '前言、党的建设、党风廉政、困难问题、下一步打算，或为数字部分补充文字；再次撰写即替换原文',
})
export class WriteReportSectionDto implements DataOf<'WriteReportSection'> {
  @Field('届次', { pick: 'term' }) @IsId() termId!: string;
  @Field('部分', { words: 'reportSection' }) @IsIn(REPORT_SECTIONS) section!: ReportSection;
  @Field('正文', { hint: '段落之间空一行' }) @IsText(REPORT_SECTION_MAX_LENGTH) text!: string;
}

export const reportSectionDtos = {
  WriteReportSection: WriteReportSectionDto,
};

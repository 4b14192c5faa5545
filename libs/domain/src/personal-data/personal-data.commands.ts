/** Destroys the data subject's key: their personal data reads as `[erased]` everywhere from then on. */
export interface ErasePersonalData {
  type: 'ErasePersonalData';
  data: { subjectId: string; reason: string };
}

export type PersonalDataCommand = ErasePersonalData;

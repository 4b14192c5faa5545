/** How a clerk reads a field's name: messages say 签约日期, not `signedOn`. */
const LABELS: Record<string, string> = {
  signedOn: '签约日期',
  arrivedOn: '到位日期',
  terminatedOn: '终止日期',
  amount: '金额',
  registeredOn: '登记日期',
  plannedInvestment: '计划投资',
  reachedOn: '节点日期',
  asOf: '截止日期',
  investedToDate: '累计完成投资',
  quantity: '数量',
  on: '日期',
  receivedOn: '受理日期',
  heldOn: '调解日期',
  resolvedOn: '化解日期',
  escalatedOn: '移交日期',
  openedOn: '审计开始日期',
  rectifiedOn: '整改日期',
  closedOn: '审计结束日期',
  incurredOn: '发生日期',
  settledOn: '清偿日期',
  amountInvolved: '涉及金额',
  amountRecovered: '挽回金额',
  foundOn: '发现日期',
  awardedOn: '授予日期',
};

export const fieldLabel = (field: string): string => LABELS[field] ?? field;

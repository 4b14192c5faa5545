/** Two calendar-day counts: a warning is yellow from the first and red from the second. */
export interface DayThresholds {
  yellow: number;
  red: number;
}

/**
 * Where each rule of DOMAIN.md ("Warnings") raises yellow and red. Days are calendar days, money is
 * in minor units (分), shares are whole percents. Every figure is configurable (SUNSHINE_WARN_*).
 */
export interface WarningThresholds {
  disputeOverdueDays: DayThresholds;
  projectStalledDays: DayThresholds;
  /** `seriousRed` replaces `red` for major and critical findings. */
  findingUnrectifiedDays: DayThresholds & { seriousRed: number };
  administrationExpenseMinor: { yellow: number; red: number };
  /** A signing at least `minAgeDays` old is yellow under `yellowBelowPercent` arrived, red under `redBelowPercent`. */
  capitalArrival: { minAgeDays: number; yellowBelowPercent: number; redBelowPercent: number };
  /**
   * A target at least `minElapsedPercent` elapsed: yellow when the value is below `yellowBelowPercent`
   * of the elapsed share of the target, red below `redBelowPercent` of it.
   */
  indicatorBehind: { minElapsedPercent: number; yellowBelowPercent: number; redBelowPercent: number };
}

export const DEFAULT_WARNING_THRESHOLDS: WarningThresholds = {
  disputeOverdueDays: { yellow: 30, red: 60 },
  projectStalledDays: { yellow: 90, red: 180 },
  findingUnrectifiedDays: { yellow: 60, red: 90, seriousRed: 30 },
  administrationExpenseMinor: { yellow: 50_000_00, red: 200_000_00 },
  capitalArrival: { minAgeDays: 365, yellowBelowPercent: 30, redBelowPercent: 10 },
  indicatorBehind: { minElapsedPercent: 50, yellowBelowPercent: 100, redBelowPercent: 50 },
};

/** Colours and small presentation constants shared by the panels. */
import type { BandCode, RectifyStatus, Severity } from '../domain/types';

export type BadgeColor = 'brand' | 'danger' | 'important' | 'informative' | 'severe' | 'subtle' | 'success' | 'warning';

export const BAND_BADGE: Record<BandCode, BadgeColor> = {
  excellent: 'success',
  qualified: 'brand',
  basic: 'warning',
  unqualified: 'danger',
};

export const SEVERITY_BADGE: Record<Severity, BadgeColor> = {
  serious: 'danger',
  warning: 'warning',
  info: 'informative',
};

/** A rectification's status as a badge: red while overdue or not effective, orange while open, grey once done. */
export const STATUS_BADGE: Record<RectifyStatus, BadgeColor> = {
  overdue: 'danger',
  not_effective: 'danger',
  open: 'warning',
  closed: 'informative',
  resolved: 'informative',
};

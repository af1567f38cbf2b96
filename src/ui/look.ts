/** Colours and small presentation constants shared by the panels. */
import type { BandCode, Severity } from '../domain/types';

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

export const SEVERITY_ORDER: readonly Severity[] = ['serious', 'warning', 'info'];

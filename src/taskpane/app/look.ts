/** Colours and small presentation constants shared by the panels. */
import type { BandCode, Severity } from '../../domain/types';

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

/** Line colours of the chart: distinguishable, each at least 3:1 against white. */
export const SERIES_COLOURS = ['#0F6CBD', '#C50F1F', '#107C10', '#8764B8', '#CA5010', '#005B70', '#7A7574', '#B4009E'];

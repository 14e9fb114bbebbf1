// The five bands of a score as displayed (one decimal, 0-10), as the core's band_for draws them: the charts colour
// by them without asking the core once per occupation.
export const BANDS = ['Minimal', 'Low', 'Moderate', 'High', 'Very high'];

/** The band of a displayed 0-10 score; '' for NaN (not scored). */
export function bandOf(displayed10) {
  if (Number.isNaN(displayed10)) return '';
  return displayed10 < 2 ? 'Minimal' : displayed10 < 4 ? 'Low' : displayed10 < 6 ? 'Moderate' : displayed10 < 8 ? 'High' : 'Very high';
}

/**
 * Whether a displayed score is at or above a threshold (false for NaN), as the core's totals_at_or_above counts:
 * a displayed score is a count of tenths, and the threshold may carry a binary fraction's error ("0.7").
 */
export function atOrAbove(displayed10, threshold) {
  return displayed10 >= threshold - 1e-9;
}

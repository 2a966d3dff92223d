import type { StatusTone } from './commitment-text';

/** Colours of the timeline's marks by status tone (the legend uses the same ones). */
export const TONE_COLORS: Record<StatusTone, string> = {
	good: '#15803d',
	bad: '#b42318',
	open: '#2563eb',
	unknown: '#6b7280'
};

/** The waits: amber, drawn under the marks. */
export const WAIT_FILL = '#fbbf24';
export const WAIT_STROKE = '#b45309';
/** A conflict's due time. */
export const CONFLICT_COLOR = '#b42318';

/** The path of a diamond (a deadline) of half-size `r` centred on (x, y). */
export function diamondPath(x: number, y: number, r: number): string {
	return `M${x} ${y - r}L${x + r} ${y}L${x} ${y + r}L${x - r} ${y}Z`;
}

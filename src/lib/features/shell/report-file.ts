import type { ViewOptions } from '$lib/analysis/view-types';

/** The downloaded report covers the whole dataset on calendar time, as the command line does by default. */
export const WHOLE_DATASET: ViewOptions = { filters: {}, targetS: 3600, businessHours: null };

/** `replyscope-report-2024-05-10.json`, dated by the report's own generated_at (already in the dataset zone). */
export function reportFileName(generatedAt: string): string {
	return `replyscope-report-${generatedAt.slice(0, 10)}.json`;
}

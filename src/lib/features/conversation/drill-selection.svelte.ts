import type { Drill } from '$lib/analysis/view-types';
import type { ChartPick } from '$lib/ui/chart-config';

/**
 * Which chart element of a page is open as a list of conversations: one at a time, shown under the chart (or table)
 * named `source`. Clicking elsewhere replaces it; "Close" or clicking the same element again closes it.
 */
export class DrillSelection {
	current = $state.raw<{ source: string; drill: Drill } | null>(null);

	/** The open drill of `source`, if the open one is there. */
	at(source: string): Drill | null {
		return this.current?.source === source ? this.current.drill : null;
	}

	open(source: string, drill: Drill | null): void {
		if (!drill) return;
		const same = this.current?.source === source && JSON.stringify(this.current.drill) === JSON.stringify(drill);
		this.current = same ? null : { source, drill };
	}

	/** A chart's `onpick` that opens what `drillOf` makes of the pick. */
	picker(source: string, drillOf: (pick: ChartPick) => Drill | null): (pick: ChartPick) => void {
		return (pick) => this.open(source, drillOf(pick));
	}

	close(): void {
		this.current = null;
	}
}

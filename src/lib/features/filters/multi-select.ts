/** The options a search shows: those containing every word of `query` (any case, ё = е), selected ones first. */
export function matchOptions(options: readonly string[], query: string, selected: readonly string[], limit = 200): { shown: string[]; total: number } {
	const words = normalise(query).split(/\s+/).filter(Boolean);
	const chosen = new Set(selected);
	const matching = options.filter((option) => {
		const text = normalise(option);
		return words.every((word) => text.includes(word));
	});
	const ordered = [...matching.filter((o) => chosen.has(o)), ...matching.filter((o) => !chosen.has(o))];
	return { shown: ordered.slice(0, limit), total: ordered.length };
}

function normalise(text: string): string {
	return text.toLowerCase().replaceAll('ё', 'е');
}

/** What the closed control says: "all", the one or two chosen names, or how many are chosen. */
export function selectionSummary(selected: readonly string[], all: string, count: (n: number) => string): string {
	if (selected.length === 0) return all;
	if (selected.length <= 2) return selected.join(', ');
	return count(selected.length);
}

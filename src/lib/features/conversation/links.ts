import { resolve } from '$app/paths';

/**
 * The address of a conversation's page, carrying the view's link text (so its times are on the same clock as the
 * list it was opened from). Ids may hold any character: they are encoded into one path segment.
 */
export function conversationHref(id: string, search: string): string {
	return resolve('/conversation/[id]', { id: encodeURIComponent(id) }) + search;
}

/**
 * The customer whose timeline the commitments page shows is kept in the page address (`?who=ПВЗ-77-0142`), beside
 * the view's filters, so that a copied link, a reload and the back button reopen the same timeline. The view's own
 * parameters are left as they are (view-url.ts keeps the ones it does not know).
 */

/** The query parameter naming the customer. */
export const CUSTOMER_PARAM = 'who';

/** The customer a link names, or undefined (the engine then picks the one with most conflicts). */
export function readCustomer(params: URLSearchParams): string | undefined {
	const value = params.get(CUSTOMER_PARAM)?.trim();
	return value ? value : undefined;
}

/** `url` with the customer set (or removed when null), every other parameter and the hash kept. */
export function withCustomer(url: URL, customer: string | null): URL {
	const next = new URL(url);
	if (customer) next.searchParams.set(CUSTOMER_PARAM, customer);
	else next.searchParams.delete(CUSTOMER_PARAM);
	return next;
}

/** The link "show on the timeline": this page with the view's filters, the customer, and the timeline's anchor. */
export function timelineHref(pathname: string, viewSearch: string, customer: string, anchor: string): string {
	const params = new URLSearchParams(viewSearch);
	params.set(CUSTOMER_PARAM, customer);
	return `${pathname}?${params.toString()}#${anchor}`;
}

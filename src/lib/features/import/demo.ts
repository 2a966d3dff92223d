// The demo export ships with the app (same origin): fetching it sends nothing anywhere.
import demoUrl from '../../../../data/demo/support-chats.csv?url';

/** The name the demo file is shown under. */
export const DEMO_FILE_NAME = 'support-chats.csv';

/** The bundled demo export as a File, ready for `engine.propose`. */
export async function fetchDemoFile(fetchFn: typeof fetch = fetch): Promise<File> {
	const response = await fetchFn(demoUrl);
	if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
	const blob = await response.blob();
	return new File([blob], DEMO_FILE_NAME, { type: 'text/csv' });
}

/**
 * Saves a Blob as a file through a temporary `<a download>`: built and saved in the browser, nothing is sent
 * anywhere. The object URL is released after the click has been handled.
 */
export function saveBlob(blob: Blob, fileName: string): void {
	const url = URL.createObjectURL(blob);
	const link = document.createElement('a');
	link.href = url;
	link.download = fileName;
	link.rel = 'noopener';
	document.body.append(link);
	link.click();
	link.remove();
	setTimeout(() => URL.revokeObjectURL(url), 0);
}

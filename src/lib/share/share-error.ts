/** Why a link, file or text is not a shared report; each reason has its sentence in the messages (`shareError.*`). */
export type ShareErrorReason = 'empty' | 'encoding' | 'compression' | 'json' | 'schema' | 'version' | 'shape' | 'size';

/** A link (or file) that is not a readable shared report; `reason` chooses the sentence shown, `message` says more. */
export class ShareLinkError extends Error {
	constructor(
		readonly reason: ShareErrorReason,
		message: string
	) {
		super(message);
		this.name = 'ShareLinkError';
	}
}

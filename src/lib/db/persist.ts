/**
 * Keeps the dataset in this browser so it survives a reload: the `messages` table as a snapshot
 * (`Db.exportTable`) plus a JSON meta object (the import summary), in IndexedDB — database `replyscope`,
 * object store `dataset`. Both are written in one transaction, so a reader sees the old pair or the new pair,
 * never a mix. IndexedDB exists in Web Workers too, so this runs in the engine worker next to the database.
 *
 * Snapshots are stored as exported, and gzipped (CompressionStream) only when the browser has no room for them as
 * they are (`storeFitting`). Gzip made the snapshot 4.6x smaller but was most of the save: at 1M messages
 * (321 MB exported, 70 MB gzipped; DuckDB-WASM under Node) the export took 1.4-1.9 s and gzip 8.7 s, and the saving
 * phase of a browser import 13.7 s of its 33.2 s. A reader takes either encoding (`SavedMeta.encoding`).
 */
import type { Db } from './types';

const DB_NAME = 'replyscope';
const DB_VERSION = 1;
const STORE = 'dataset';
const TABLE = 'messages';
const LOADING = 'messages__loading';
/** The key of tables computed from the saved dataset (`saveDerived`). */
const DERIVED = 'derived';
/** The key of the user's marks on the saved dataset's flags (`saveMarks`). */
const MARKS = 'marks';
/** Bumped when the stored shape changes; an older saved dataset is then ignored (the user imports again). */
const FORMAT = 1;

/** The record under the key 'meta'; the snapshot bytes are under 'messages'. */
interface SavedMeta {
	format: number;
	/** How the snapshot bytes are stored. */
	encoding: 'gzip' | 'identity';
	/** When it was saved, epoch ms. */
	savedAt: number;
	/** Stored size in bytes (for a "stored: 12 MB" line without reading the snapshot). */
	bytes: number;
	meta: unknown;
}

/** Replaces the saved dataset with the current `messages` table and `meta` (which must be structured-cloneable). */
export async function saveDataset(db: Db, meta: unknown): Promise<void> {
	await storeFitting([await db.exportTable(TABLE)], ([stored], encoding) => {
		const record: SavedMeta = { format: FORMAT, encoding, savedAt: Date.now(), bytes: stored.byteLength, meta };
		return (store) => {
			store.put(stored, 'messages');
			store.put(record, 'meta');
			store.delete(MARKS); // the marks and the derived tables were the previous dataset's
			store.delete(DERIVED);
		};
	});
}

type Encoding = SavedMeta['encoding'];

/**
 * Writes snapshots in one transaction (`write` says what to put for them as stored): as they are, and when that
 * exceeds the browser's quota, gzipped. The failed transaction changed nothing. A quota error of the gzipped
 * snapshots too becomes a sentence a person can act on.
 */
async function storeFitting(
	snapshots: Uint8Array[],
	write: (stored: Uint8Array[], encoding: Encoding) => (store: IDBObjectStore) => void
): Promise<void> {
	try {
		await writeStore(write(snapshots, 'identity'));
		return;
	} catch (error) {
		if (!isQuotaError(error) || typeof CompressionStream === 'undefined') throw describeStorageError(error, byteSize(snapshots));
	}
	const gzipped = [];
	for (const bytes of snapshots) gzipped.push(await transform(bytes, new CompressionStream('gzip')));
	try {
		await writeStore(write(gzipped, 'gzip'));
	} catch (error) {
		throw describeStorageError(error, byteSize(gzipped));
	}
}

function byteSize(snapshots: Uint8Array[]): number {
	return snapshots.reduce((n, b) => n + b.byteLength, 0);
}

async function writeStore(work: (store: IDBObjectStore) => void): Promise<void> {
	const idb = await openStore();
	try {
		await inTransaction(idb, 'readwrite', work);
	} finally {
		idb.close();
	}
}

/**
 * Loads the saved dataset into `db` (table `messages`, replaced) and returns its meta, or null when nothing
 * (or only a dataset of an older format) is saved; `db` is then left untouched, as it is when loading fails.
 * The table is created with the snapshot's column types but without the NOT NULL / CHECK constraints of
 * `createMessagesTableSql`: the rows were checked when first loaded, and inserting under the constraints made
 * loading 3x slower in DuckDB-WASM.
 */
export async function loadDataset<Meta = unknown>(db: Db): Promise<Meta | null> {
	const idb = await openStore();
	let snapshot: unknown;
	let record: SavedMeta | undefined;
	try {
		await inTransaction(idb, 'readonly', (store) => {
			store.get('messages').onsuccess = (event) => (snapshot = (event.target as IDBRequest).result);
			store.get('meta').onsuccess = (event) => (record = (event.target as IDBRequest).result);
		});
	} finally {
		idb.close();
	}
	if (!record || record.format !== FORMAT || !(snapshot instanceof Uint8Array)) return null;
	const bytes = record.encoding === 'gzip' ? await transform(snapshot, new DecompressionStream('gzip')) : snapshot;
	// Into a new table first: if the snapshot cannot be read, the current `messages` table stays as it was.
	await db.exec(`DROP TABLE IF EXISTS ${LOADING}`);
	await db.importTable(LOADING, bytes);
	await db.exec(`DROP TABLE IF EXISTS ${TABLE}; ALTER TABLE ${LOADING} RENAME TO ${TABLE}`);
	return record.meta as Meta;
}

/** The saved meta alone (cheap: the snapshot is not read), or null. */
export async function peekDataset<Meta = unknown>(): Promise<{ meta: Meta; savedAt: number; bytes: number } | null> {
	const idb = await openStore();
	let record: SavedMeta | undefined;
	try {
		await inTransaction(idb, 'readonly', (store) => {
			store.get('meta').onsuccess = (event) => (record = (event.target as IDBRequest).result);
		});
	} finally {
		idb.close();
	}
	if (!record || record.format !== FORMAT) return null;
	return { meta: record.meta as Meta, savedAt: record.savedAt, bytes: record.bytes };
}

/** Tables computed from the saved dataset, kept so a reload need not compute them again. */
interface SavedDerived {
	/** Who computed them (the detectors' version): tables of another version are not loaded. */
	version: string;
	/** Table name -> Arrow snapshot, stored with `encoding` (absent: gzip, as kept before the encoding was chosen). */
	tables: Record<string, Uint8Array>;
	encoding?: Encoding;
	/** Anything to give back with them (a summary of what they hold). */
	meta: unknown;
}

/**
 * Keeps `tables` (computed from the saved dataset: the text flags) with `version` and `meta`, replacing what was
 * kept before. Saving a new dataset drops them.
 */
export async function saveDerived(db: Db, tables: string[], version: string, meta: unknown): Promise<void> {
	const exported = [];
	for (const table of tables) exported.push(await db.exportTable(table));
	await storeFitting(exported, (stored, encoding) => {
		const record: SavedDerived = { version, tables: Object.fromEntries(tables.map((t, i) => [t, stored[i]])), encoding, meta };
		return (store) => store.put(record, DERIVED);
	});
}

/**
 * Loads the tables `saveDerived` kept, when they were computed by `version`, and returns their meta; null (and
 * nothing loaded) otherwise.
 */
export async function loadDerived<Meta = unknown>(db: Db, version: string): Promise<Meta | null> {
	const idb = await openStore();
	let record: SavedDerived | undefined;
	try {
		await inTransaction(idb, 'readonly', (store) => {
			store.get(DERIVED).onsuccess = (event) => (record = (event.target as IDBRequest).result);
		});
	} finally {
		idb.close();
	}
	if (!record || record.version !== version) return null;
	for (const [table, stored] of Object.entries(record.tables)) {
		const bytes = (record.encoding ?? 'gzip') === 'gzip' ? await transform(stored, new DecompressionStream('gzip')) : stored;
		await db.exec(`DROP TABLE IF EXISTS ${table}`);
		await db.importTable(table, bytes);
	}
	return record.meta as Meta;
}

/**
 * Keeps the user's marks on the saved dataset (any structured-cloneable list: the replies they marked as wrongly
 * flagged). Saving a new dataset drops them; deleting the dataset deletes them.
 */
export async function saveMarks(marks: unknown[]): Promise<void> {
	await writeStore((store) => store.put(marks, MARKS));
}

/** The marks kept by `saveMarks`, or an empty list. */
export async function loadMarks<Mark = unknown>(): Promise<Mark[]> {
	const idb = await openStore();
	let marks: Mark[] | undefined;
	try {
		await inTransaction(idb, 'readonly', (store) => {
			store.get(MARKS).onsuccess = (event) => (marks = (event.target as IDBRequest).result);
		});
	} finally {
		idb.close();
	}
	return Array.isArray(marks) ? marks : [];
}

/** Forgets the saved dataset (all its parts, in one transaction). */
export async function deleteDataset(): Promise<void> {
	await writeStore((store) => store.clear());
}

/** Runs bytes through a (de)compression stream, without copying them into a Blob first. */
async function transform(bytes: Uint8Array, through: CompressionStream | DecompressionStream): Promise<Uint8Array> {
	const source = new ReadableStream<Uint8Array<ArrayBuffer>>({
		start(controller) {
			controller.enqueue(bytes as Uint8Array<ArrayBuffer>); // never a SharedArrayBuffer here
			controller.close();
		}
	});
	return new Uint8Array(await new Response(source.pipeThrough(through)).arrayBuffer());
}

function openStore(): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		if (typeof indexedDB === 'undefined') {
			reject(new Error('This browser does not offer IndexedDB storage, so the dataset cannot be kept.'));
			return;
		}
		const request = indexedDB.open(DB_NAME, DB_VERSION);
		request.onupgradeneeded = () => {
			if (!request.result.objectStoreNames.contains(STORE)) request.result.createObjectStore(STORE);
		};
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error);
		// Another tab holds an older version open; it is asked to close (`onversionchange`), we wait.
		request.onblocked = () => undefined;
	});
}

/** Runs `work` in one transaction; resolves when it commits, rejects when it aborts. */
function inTransaction(idb: IDBDatabase, mode: IDBTransactionMode, work: (store: IDBObjectStore) => void): Promise<void> {
	return new Promise((resolve, reject) => {
		const tx = idb.transaction(STORE, mode);
		tx.oncomplete = () => resolve();
		tx.onerror = () => reject(tx.error);
		tx.onabort = () => reject(tx.error ?? new Error('The browser storage transaction was aborted.'));
		try {
			work(tx.objectStore(STORE));
		} catch (error) {
			tx.abort();
			reject(error);
		}
	});
}

/** The browser refused the write for lack of room (IndexedDB aborts the transaction with this DOMException). */
function isQuotaError(error: unknown): boolean {
	return (error as { name?: unknown } | null)?.name === QUOTA_EXCEEDED;
}

const QUOTA_EXCEEDED = 'QuotaExceededError';

/** A full disk or quota becomes a sentence a person can act on; other errors pass through. */
function describeStorageError(error: unknown, bytes: number): unknown {
	if (!isQuotaError(error)) return error;
	const mb = Math.ceil(bytes / 1_000_000);
	// Named as the browser's error, so that the engine still recognises it (describe-error.ts) and says it in the UI's language.
	const described = new Error(`The browser has no room to keep this dataset (${mb} MB). Free some disk space or allow this site more storage; the analysis still works until the page is closed.`, { cause: error });
	return Object.assign(described, { name: QUOTA_EXCEEDED });
}

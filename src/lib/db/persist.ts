/**
 * Keeps the dataset in this browser so it survives a reload: the `messages` table as a snapshot
 * (`Db.exportTable`) plus a JSON meta object (the import summary), in IndexedDB — database `replyscope`,
 * object store `dataset`. Both are written in one transaction, so a reader sees the old pair or the new pair,
 * never a mix. IndexedDB exists in Web Workers too, so this runs in the engine worker next to the database.
 *
 * The snapshot is gzipped (CompressionStream, where the browser has it): chat text shrinks ~8x. Measured in
 * Chromium on a busy 2-core machine with 1M messages (tests/e2e/db-smoke.md): 250 MB -> 32 MB stored; save
 * 9 s instead of 5 s, load 4.7 s instead of 5.1 s (reading less from disk pays for the decompression).
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
export async function saveDataset(db: Db, meta: unknown, options: { compress?: boolean } = {}): Promise<void> {
	const compress = (options.compress ?? true) && typeof CompressionStream !== 'undefined';
	const encoding = compress ? 'gzip' : 'identity';
	const exported = await db.exportTable(TABLE);
	const stored = encoding === 'gzip' ? await transform(exported, new CompressionStream('gzip')) : exported;
	const record: SavedMeta = { format: FORMAT, encoding, savedAt: Date.now(), bytes: stored.byteLength, meta };
	const idb = await openStore();
	try {
		await inTransaction(idb, 'readwrite', (store) => {
			store.put(stored, 'messages');
			store.put(record, 'meta');
			store.delete(MARKS); // the marks and the derived tables were the previous dataset's
			store.delete(DERIVED);
		});
	} catch (error) {
		throw describeStorageError(error, stored.byteLength);
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
	/** Table name -> gzipped Arrow snapshot. */
	tables: Record<string, Uint8Array>;
	/** Anything to give back with them (a summary of what they hold). */
	meta: unknown;
}

/**
 * Keeps `tables` (computed from the saved dataset: the text flags) with `version` and `meta`, replacing what was
 * kept before. Saving a new dataset drops them.
 */
export async function saveDerived(db: Db, tables: string[], version: string, meta: unknown): Promise<void> {
	const record: SavedDerived = { version, tables: {}, meta };
	for (const table of tables) record.tables[table] = await gzip(await db.exportTable(table));
	const idb = await openStore();
	try {
		await inTransaction(idb, 'readwrite', (store) => store.put(record, DERIVED));
	} catch (error) {
		throw describeStorageError(error, Object.values(record.tables).reduce((n, t) => n + t.byteLength, 0));
	} finally {
		idb.close();
	}
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
		const bytes = await transform(stored, new DecompressionStream('gzip'));
		await db.exec(`DROP TABLE IF EXISTS ${table}`);
		await db.importTable(table, bytes);
	}
	return record.meta as Meta;
}

/** Gzips a snapshot (derived tables are only kept by browsers that have CompressionStream: all current ones). */
async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
	return transform(bytes, new CompressionStream('gzip'));
}

/**
 * Keeps the user's marks on the saved dataset (any structured-cloneable list: the replies they marked as wrongly
 * flagged). Saving a new dataset drops them; deleting the dataset deletes them.
 */
export async function saveMarks(marks: unknown[]): Promise<void> {
	const idb = await openStore();
	try {
		await inTransaction(idb, 'readwrite', (store) => store.put(marks, MARKS));
	} finally {
		idb.close();
	}
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
	const idb = await openStore();
	try {
		await inTransaction(idb, 'readwrite', (store) => store.clear());
	} finally {
		idb.close();
	}
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

/** A full disk or quota becomes a sentence a person can act on; other errors pass through. */
function describeStorageError(error: unknown, bytes: number): unknown {
	const name = (error as { name?: string } | null)?.name;
	if (name === 'QuotaExceededError') {
		const mb = Math.ceil(bytes / 1_000_000);
		return new Error(`The browser has no room to keep this dataset (${mb} MB). Free some disk space or allow this site more storage; the analysis still works until the page is closed.`, { cause: error });
	}
	return error;
}

/**
 * Reply-time buckets (view-types.ts `REPLY_BUCKETS`). Each bucket holds its lower edge and not its upper one:
 * under_5m is response_s < 300 s, so a reply after exactly 300 s is in 5m_30m; exactly 30 min is in 30m_2h,
 * and so on up to over_3d (>= 259 200 s). Only replies with a response_s are counted.
 */
import { REPLY_BUCKETS, type ReplyBucket } from './view-types';

/** Lower edge of each bucket in seconds, in REPLY_BUCKETS order (the next one's is its upper edge). */
const LOWER_EDGES_S = [0, 300, 1800, 7200, 28_800, 86_400, 259_200] as const;

/** SQL giving the bucket name of `column` (seconds), null when it is null. The edges are code constants. */
export function bucketOfSql(column: string): string {
	const cases = REPLY_BUCKETS.slice(0, -1).map((bucket, i) => `WHEN ${column} < ${LOWER_EDGES_S[i + 1]} THEN '${bucket}'`);
	return `CASE WHEN ${column} IS NULL THEN NULL ${cases.join(' ')} ELSE '${REPLY_BUCKETS.at(-1)}' END`;
}

/** SQL true when `column` falls in `bucket` (the same edges as bucketOfSql). */
export function inBucketSql(bucket: ReplyBucket, column: string): string {
	const i = REPLY_BUCKETS.indexOf(bucket);
	if (i < 0) throw new Error(`unknown reply bucket '${bucket}'`);
	const upper = LOWER_EDGES_S[i + 1];
	const lower = i === 0 ? `${column} IS NOT NULL` : `${column} >= ${LOWER_EDGES_S[i]}`;
	return upper === undefined ? lower : `${lower} AND ${column} < ${upper}`;
}

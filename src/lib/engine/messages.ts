import type { FlagMark } from '$lib/analysis/text-view-types';
import type { Drill, ViewOptions } from '$lib/analysis/view-types';
import type { ImportPlan } from '$lib/ingest/types';
import type { ShareRequestOptions } from './engine';
import type { DetectionProgress, Progress } from './protocol';

/** Requests for the figures of the loaded dataset, answered by view-requests.ts (one `Engine` method each). */
export type ViewRequest =
	| { id: number; type: 'facets' }
	| { id: number; type: 'overviewView'; view: ViewOptions }
	| { id: number; type: 'responseTimes'; view: ViewOptions }
	| { id: number; type: 'handoffs'; view: ViewOptions }
	| { id: number; type: 'conversations'; view: ViewOptions; drill: Drill; limit?: number }
	| { id: number; type: 'conversation'; conversationId: string; view: ViewOptions }
	| { id: number; type: 'templates'; view: ViewOptions }
	| { id: number; type: 'offTopic'; view: ViewOptions; limit?: number }
	| { id: number; type: 'redirects'; view: ViewOptions }
	| { id: number; type: 'replyFlags'; conversationId: string }
	| { id: number; type: 'markFlag'; mark: FlagMark; wrong: boolean }
	| { id: number; type: 'commitments'; view: ViewOptions; customer?: string };

/** Requests from the page to the engine worker; each carries an id its answer repeats. */
export type EngineRequest =
	| { id: number; type: 'propose'; files: File[]; timeZone: string }
	| { id: number; type: 'load'; files: File[]; plans: ImportPlan[] }
	| { id: number; type: 'cancel'; job: number }
	| { id: number; type: 'restore' }
	| { id: number; type: 'clear' }
	| { id: number; type: 'report'; view: ViewOptions }
	| { id: number; type: 'detect' }
	| { id: number; type: 'shareReport'; options: ShareRequestOptions; view: ViewOptions }
	| ViewRequest;

/** Answers from the engine worker. `error` is a sentence for a person; `cancelled` marks a cancelled load. */
export type EngineResponse =
	| { id: number; type: 'result'; result: unknown }
	| { id: number; type: 'error'; error: string; cancelled?: boolean }
	| { id: number; type: 'progress'; progress: Progress | DetectionProgress };

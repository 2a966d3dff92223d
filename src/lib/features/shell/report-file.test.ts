import { describe, expect, it } from 'vitest';
import { reportFileName } from './report-file';

describe('reportFileName', () => {
	it('dates the file by the report day in the dataset zone', () => {
		expect(reportFileName('2026-11-26T01:30:00+03:00')).toBe('replyscope-report-2026-11-26.json');
	});
});

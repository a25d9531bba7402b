import { describe, expect, it } from 'vitest';
import { classifyFailure } from '../../../src-main/queue/classify';

describe('classifyFailure', () => {
  it('a full disk while a job stores its results: the job waits and tries again, and the run says why', () => {
    const full = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    expect(classifyFailure(full)).toEqual({
      action: 'backoff',
      ambiguous: false,
      code: 'database',
      message: expect.stringMatching(/^The disk is full/),
    });
  });

  it('any other unexpected error backs off as one', () => {
    expect(classifyFailure(new Error('boom'))).toMatchObject({
      action: 'backoff',
      code: 'internal',
      message: 'Unexpected error: boom',
    });
  });
});

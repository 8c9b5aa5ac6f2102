/**
 * expect(actual, 'the case') — Jest's expect with an optional message that names the case in a
 * failure. jest-expect-message (setupFilesAfterEnv in jest.config.mjs) wraps the global expect;
 * the one exported by @jest/globals is taken before setup files run, so tests import this one.
 */
import type { expect as jestExpect } from '@jest/globals';
import type { Inverse, Matchers } from 'expect';

type WithMessage = <T = unknown>(
  actual: T,
  message?: string,
) => Matchers<void, T> &
  Inverse<Matchers<void, T>> & {
    resolves: Matchers<Promise<void>, T> & Inverse<Matchers<Promise<void>, T>>;
    rejects: Matchers<Promise<void>, T> & Inverse<Matchers<Promise<void>, T>>;
  };

const wrapped = (globalThis as unknown as { expect?: unknown }).expect;
if (typeof wrapped !== 'function') throw new Error('test/support/expect: Jest did not set the global expect');

export const expect = wrapped as WithMessage & typeof jestExpect;

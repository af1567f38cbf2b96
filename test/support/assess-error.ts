/** The AssessError a promise rejects with; the test fails if it resolves or rejects with anything else. */
import { AssessError } from '../../src/domain/errors';

export async function assessErrorOf(p: Promise<unknown>): Promise<AssessError> {
  let err: unknown = null;
  try {
    await p;
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(AssessError);
  return err as AssessError;
}

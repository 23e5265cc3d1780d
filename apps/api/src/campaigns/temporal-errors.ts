import { ConflictException, ServiceUnavailableException } from '@nestjs/common';
import { ServiceError, WorkflowNotFoundError } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';

/** Maps what a Temporal call can fail with to the HTTP answer it deserves; other errors pass through. */
export function mapTemporalError(err: unknown): unknown {
  if (err instanceof WorkflowExecutionAlreadyStartedError) {
    return new ConflictException('campaign has already been started');
  }
  if (err instanceof WorkflowNotFoundError) {
    return new ConflictException('campaign workflow is not running');
  }
  if (
    err instanceof ServiceError ||
    (typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 14)
  ) {
    return new ServiceUnavailableException(`Temporal is unavailable: ${(err as Error).message}`);
  }
  return err;
}

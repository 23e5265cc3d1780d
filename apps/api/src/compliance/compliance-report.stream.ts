import { Logger } from '@nestjs/common';
import type { Response } from 'express';
import { complianceCsvLine, COMPLIANCE_CSV_HEADER } from './compliance-report.csv';
import type { ComplianceItem } from './compliance-report.evaluate';

const logger = new Logger('ComplianceReport');

/** Records buffered into one write: fewer syscalls than one write per record. */
const RECORDS_PER_WRITE = 200;

/** Resolves when the socket takes more; rejects when the client has gone. */
function drained(res: Response): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (err?: Error) => {
      res.off('drain', onDrain);
      res.off('close', onClose);
      if (err) reject(err);
      else resolve();
    };
    const onDrain = () => done();
    const onClose = () => done(new Error('the client closed the connection'));
    res.on('drain', onDrain);
    res.on('close', onClose);
  });
}

async function write(res: Response, chunk: string): Promise<void> {
  if (res.destroyed) throw new Error('the client closed the connection');
  if (!res.write(chunk)) await drained(res);
}

/**
 * Streams the report as CSV: the header, then the records as the pages are read, waiting for
 * the client when its socket is full (the report is never held in memory). A failure after the
 * first byte cannot become an error answer: the connection is cut, so that a truncated file
 * never passes for a whole one.
 */
export async function streamComplianceCsv(
  res: Response,
  campaignId: string,
  items: AsyncIterable<ComplianceItem>,
): Promise<void> {
  res.status(200);
  res.setHeader('content-type', 'text/csv; charset=utf-8');
  res.setHeader('content-disposition', `attachment; filename="campaign-${campaignId}-compliance.csv"`);
  try {
    let buffer = COMPLIANCE_CSV_HEADER;
    let records = 0;
    for await (const item of items) {
      buffer += complianceCsvLine(item);
      if (++records % RECORDS_PER_WRITE === 0) {
        await write(res, buffer);
        buffer = '';
      }
    }
    await write(res, buffer);
    res.end();
  } catch (err) {
    // Nothing sent yet: the exception filter can still give a proper error answer.
    if (!res.headersSent) throw err;
    if (!res.destroyed) logger.error(`compliance CSV of campaign ${campaignId} cut short: ${String(err)}`);
    res.destroy(err instanceof Error ? err : new Error(String(err)));
  }
}

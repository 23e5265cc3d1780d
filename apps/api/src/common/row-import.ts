/** Collects a bulk upload's rejections: counts them all, keeps the first `cap` for the answer. */
export class RejectionList {
  readonly rows: Array<{ row: number; reason: string }> = [];
  count = 0;

  constructor(private readonly cap = 1000) {}

  add(row: number, reason: string): void {
    this.count += 1;
    if (this.rows.length < this.cap) this.rows.push({ row, reason });
  }
}

/** Rows per INSERT statement in bulk loads. */
export const IMPORT_BATCH_SIZE = 1000;

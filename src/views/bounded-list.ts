// A list that counts everything added but keeps only the first `limit` in `order`: the dashboard
// and the briefing show a few dozen of 100,000 open items, so memory holds those, not all of them.

export interface Listed<T> {
  // How many were added.
  count: number;
  // The first `limit` of them, in order.
  items: T[];
}

export class BoundedList<T> {
  private kept: T[] = [];
  private added = 0;

  constructor(
    private readonly order: (a: T, b: T) => number,
    private readonly limit: number,
  ) {}

  add(item: T): void {
    this.added++;
    this.kept.push(item);
    // Sorting once the buffer holds twice the limit keeps adding O(log limit) per item on average.
    if (this.kept.length >= 2 * this.limit + 16) this.trim();
  }

  result(): Listed<T> {
    this.trim();
    return { count: this.added, items: [...this.kept] };
  }

  private trim(): void {
    this.kept.sort(this.order);
    if (this.kept.length > this.limit) this.kept.length = this.limit;
  }
}

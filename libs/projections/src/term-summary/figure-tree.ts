/**
 * A node of the figure tree: how many contributions lie at or below it, and at a leaf their exact
 * sum or the value a record stated whole.
 */
interface FigureNode {
  contributions: number;
  sum: number;
  stated?: { value: unknown };
  children?: Map<string, FigureNode>;
}

const newNode = (): FigureNode => ({ contributions: 0, sum: 0 });

/**
 * The summary's figures as sums by path, where records can be added and taken back exactly. A
 * key exists while some counted record contributes to it, so a money map lists a currency, and
 * `bySector` a sector, exactly when a counted record has one (taken back to none, it is gone).
 */
export class FigureTree {
  private readonly root = newNode();

  /** Adds (sign 1) or takes back (sign -1) one contribution of `amount` at `path`. */
  add(path: readonly string[], amount: number, sign: 1 | -1): void {
    const leaf = this.contribute(path, sign);
    if (!leaf) return;
    const sum = leaf.sum + sign * amount;
    if (!Number.isSafeInteger(sum)) throw new RangeError(`the sum at ${path.join('.')} exceeds safe integers`);
    leaf.sum = sum;
  }

  /** A value stated whole by one record, added or taken back. */
  state(path: readonly string[], value: unknown, sign: 1 | -1): void {
    const leaf = this.contribute(path, sign);
    if (leaf && sign > 0) leaf.stated = { value };
  }

  /**
   * Writes every figure into `target`, a summary's shape with its fixed keys already in place.
   * Keys a record brought (currencies, sectors, metrics, indicator codes) follow in a fixed order
   * whatever order the records came in: plain figures before maps, each by key.
   */
  writeInto(target: Record<string, unknown>): void {
    write(this.root, target);
  }

  /** Counts one contribution along the path; undefined when the last one there was taken back. */
  private contribute(path: readonly string[], sign: 1 | -1): FigureNode | undefined {
    let node = this.root;
    for (const key of path) {
      const children = (node.children ??= new Map());
      let child = children.get(key);
      if (!child) {
        if (sign < 0) throw new Error(`no contribution to take back at ${path.join('.')}`);
        child = newNode();
        children.set(key, child);
      }
      child.contributions += sign;
      // Everything below has no contribution left either.
      if (child.contributions === 0) {
        children.delete(key);
        return undefined;
      }
      node = child;
    }
    return node;
  }
}

const isLeaf = (node: FigureNode): boolean => node.children === undefined;

const byLeafThenKey = ([a, x]: [string, FigureNode], [b, y]: [string, FigureNode]): number =>
  isLeaf(x) !== isLeaf(y) ? (isLeaf(x) ? -1 : 1) : a < b ? -1 : a > b ? 1 : 0;

const setOwn = (target: Record<string, unknown>, key: string, value: unknown): void => {
  // A free-text key (a sector, a metric) may be `__proto__`: it stays an ordinary property.
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
};

const write = (node: FigureNode, target: Record<string, unknown>): void => {
  if (!node.children) return;
  for (const [key, child] of [...node.children].sort(byLeafThenKey)) {
    if (isLeaf(child)) setOwn(target, key, child.stated ? child.stated.value : child.sum);
    else {
      if (!Object.hasOwn(target, key)) setOwn(target, key, {});
      write(child, target[key] as Record<string, unknown>);
    }
  }
};

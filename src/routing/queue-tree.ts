/**
 * A queue's members as a tournament tree in plain data: the leaves are the members in the queue's
 * order, and each branch holds, for the leaves under it, the least due key (`due`, ties by the seeded
 * rank), the least due key among those marked released (`ready`), the least release key among those
 * not yet marked (`pending`), and the earliest instant at which one of them comes free or
 * stops being free (`change`). One member's change copies only the branches above it (O(log members)),
 * so a decision neither scans nor copies the whole team, and the state stays serialisable.
 */

/** Stands for "never" and "before everything" in keys, where JSON would turn an infinity into null. */
export const NEVER = Number.MAX_VALUE;
/** See {@link NEVER}. */
export const ALWAYS = -Number.MAX_VALUE;

/** What every node of the tree carries about the leaves under it. */
interface Summary {
  /** The least due key, and the member holding it (ties: the lower seeded rank). */
  readonly due: number;
  readonly dueAt: number;
  /** The least due key among the members marked released, and which member (ties: the lower rank). */
  readonly ready: number;
  readonly readyAt: number;
  /** The least release key among the members not marked released, and which member. */
  readonly pending: number;
  readonly pendingAt: number;
  /** The earliest instant at which a member under this node changes availability, and which member. */
  readonly change: number;
  readonly changeAt: number;
}

/** A member, with its own keys as the summary. */
export interface Leaf<M> extends Summary {
  readonly member: M;
}

/** Two subtrees: the lower half of the members' indexes, and the upper. */
export interface Branch<M> extends Summary {
  readonly low: MemberTree<M>;
  readonly high: MemberTree<M>;
}

/** A tree over a queue's members. */
export type MemberTree<M> = Leaf<M> | Branch<M>;

/** The keys a member's leaf is ordered by. */
export interface LeafKeys {
  readonly due: number;
  /** The due key when the member is marked released, else NEVER. */
  readonly ready: number;
  /** The release key when the member is not marked released, else NEVER. */
  readonly pending: number;
  readonly change: number;
}

const isLeaf = <M>(node: MemberTree<M>): node is Leaf<M> => "member" in node;

function join<M>(low: MemberTree<M>, high: MemberTree<M>, ranks: readonly number[]): Branch<M> {
  const lowFirst =
    low.due < high.due || (low.due === high.due && (ranks[low.dueAt] as number) < (ranks[high.dueAt] as number));
  const lowReady =
    low.ready < high.ready ||
    (low.ready === high.ready && (ranks[low.readyAt] as number) < (ranks[high.readyAt] as number));
  const lowPending = low.pending <= high.pending;
  const lowChanges = low.change <= high.change;
  return {
    low,
    high,
    due: lowFirst ? low.due : high.due,
    dueAt: lowFirst ? low.dueAt : high.dueAt,
    ready: lowReady ? low.ready : high.ready,
    readyAt: lowReady ? low.readyAt : high.readyAt,
    pending: lowPending ? low.pending : high.pending,
    pendingAt: lowPending ? low.pendingAt : high.pendingAt,
    change: lowChanges ? low.change : high.change,
    changeAt: lowChanges ? low.changeAt : high.changeAt,
  };
}

const leafOf = <M>(member: M, at: number, keys: LeafKeys): Leaf<M> => ({
  member,
  due: keys.due,
  dueAt: at,
  ready: keys.ready,
  readyAt: at,
  pending: keys.pending,
  pendingAt: at,
  change: keys.change,
  changeAt: at,
});

/** Builds the tree over `members[from, to)`. */
export function buildTree<M>(
  members: readonly M[],
  keysOf: (member: M, index: number) => LeafKeys,
  ranks: readonly number[],
  from = 0,
  to = members.length,
): MemberTree<M> {
  if (to - from === 1) return leafOf(members[from] as M, from, keysOf(members[from] as M, from));
  const middle = (from + to) >>> 1;
  return join(buildTree(members, keysOf, ranks, from, middle), buildTree(members, keysOf, ranks, middle, to), ranks);
}

/** The member at `index` of a tree over `size` members. */
export function memberAt<M>(tree: MemberTree<M>, size: number, index: number): M {
  let node = tree;
  let from = 0;
  let to = size;
  while (!isLeaf(node)) {
    const middle = (from + to) >>> 1;
    if (index < middle) {
      node = node.low;
      to = middle;
    } else {
      node = node.high;
      from = middle;
    }
  }
  return node.member;
}

/** A tree with the member at `index` replaced, sharing every branch not above it. */
export function withMember<M>(
  tree: MemberTree<M>,
  size: number,
  index: number,
  member: M,
  keys: LeafKeys,
  ranks: readonly number[],
  from = 0,
  to = size,
): MemberTree<M> {
  if (isLeaf(tree)) return leafOf(member, index, keys);
  const middle = (from + to) >>> 1;
  return index < middle
    ? join(withMember(tree.low, size, index, member, keys, ranks, from, middle), tree.high, ranks)
    : join(tree.low, withMember(tree.high, size, index, member, keys, ranks, middle, to), ranks);
}

/** Every member, in the queue's order. */
export function membersOf<M>(tree: MemberTree<M>): M[] {
  const out: M[] = [];
  const walk = (node: MemberTree<M>): void => {
    if (isLeaf(node)) out.push(node.member);
    else {
      walk(node.low);
      walk(node.high);
    }
  };
  walk(tree);
  return out;
}

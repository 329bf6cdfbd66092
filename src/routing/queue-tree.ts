import { MinHeap } from "../core/min-heap.js";

/**
 * A queue's members as a tournament tree in plain data: the leaves are the members in the queue's
 * order, and each branch holds, for the leaves under it, the least due key (`due`, ties by the seeded
 * rank), the least release key (`release`) and the earliest instant at which one of them comes free or
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
  /** The release key of the member first due. */
  readonly dueRelease: number;
  /** The least release key: no member under this node can take a lead while `release >= G`. */
  readonly release: number;
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
  readonly release: number;
  readonly change: number;
}

const isLeaf = <M>(node: MemberTree<M>): node is Leaf<M> => "member" in node;

function join<M>(low: MemberTree<M>, high: MemberTree<M>, ranks: readonly number[]): Branch<M> {
  const lowFirst =
    low.due < high.due || (low.due === high.due && (ranks[low.dueAt] as number) < (ranks[high.dueAt] as number));
  const lowChanges = low.change <= high.change;
  return {
    low,
    high,
    due: lowFirst ? low.due : high.due,
    dueAt: lowFirst ? low.dueAt : high.dueAt,
    dueRelease: lowFirst ? low.dueRelease : high.dueRelease,
    release: Math.min(low.release, high.release),
    change: lowChanges ? low.change : high.change,
    changeAt: lowChanges ? low.changeAt : high.changeAt,
  };
}

const leafOf = <M>(member: M, at: number, keys: LeafKeys): Leaf<M> => ({
  member,
  due: keys.due,
  dueAt: at,
  dueRelease: keys.release,
  release: keys.release,
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

/**
 * The member with the least due key among those released before `g` (release < g), ties by rank;
 * -1 when none is. Best first: a branch is opened only while its least due key could still win, and
 * skipped when nothing under it is released, so the cost is O(log members) per member passed over.
 */
export function firstReleased<M>(tree: MemberTree<M>, g: number, ranks: readonly number[]): number {
  if (tree.release >= g) return -1;
  // Most often the member first due may take the lead.
  if (tree.dueRelease < g) return tree.dueAt;
  const open = new MinHeap<MemberTree<M>>(
    (a, b) => a.due - b.due || (ranks[a.dueAt] as number) - (ranks[b.dueAt] as number),
  );
  open.push(tree);
  for (let node = open.pop(); node !== undefined; node = open.pop()) {
    if (isLeaf(node)) return node.dueAt;
    if (node.low.release < g) open.push(node.low);
    if (node.high.release < g) open.push(node.high);
  }
  return -1;
}

/** Moves one item of a list to another position, keeping the rest in order. */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const moved = [...items];
  const [item] = moved.splice(from, 1);
  if (item === undefined) {
    return moved;
  }
  moved.splice(Math.max(0, Math.min(to, moved.length)), 0, item);
  return moved;
}

/** One request, or one moment, of a kind: whether nothing newer of that kind has begun since. */
export interface RequestTicket {
  isLatest(): boolean;
}

/**
 * Tells a store which answer is the newest word, whatever order main's answers come in: an answer counts only
 * while its request is the latest of its kind.
 */
export interface LatestRequest {
  /** Begins a request; its answer counts while the ticket is the latest. */
  begin(): RequestTicket;
  /** Marks the present without beginning a request: the ticket stops being the latest once a request begins. */
  mark(): RequestTicket;
  /** Something newer came another way (an event, or the user leaving): answers to every request begun so far no longer count. */
  supersede(): void;
}

/** Creates a guard for one kind of request (the list, the open draft, the session…). */
export function createLatestRequest(): LatestRequest {
  let latest = 0;
  const ticket = (number: number): RequestTicket => ({ isLatest: () => number === latest });
  return {
    begin: () => ticket(++latest),
    mark: () => ticket(latest),
    supersede() {
      latest += 1;
    },
  };
}

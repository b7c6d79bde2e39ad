/** What happened to a customer's ownership; every change is one event with its reason. */
export const OWNERSHIP_EVENT_KINDS = [
  'created', // registered as a new customer with an owner (a rep's own 报备, or set by a manager)
  'claimed', // a rep claimed it from a pool (认领)
  'assigned', // a manager or admin gave it to a rep (from the pool or another rep)
  'released', // the owner (or their manager) put it back in the pool with a reason
  'lapsed', // a lapse rule returned it to the pool (回收)
  'lapse_warning', // the owner was warned that it will lapse
  'routed', // it entered a grid team's pool (网格)
  'spilled', // unclaimed in the grid pool for too long, it moved to the org pool
] as const;
export type OwnershipEventKind = (typeof OWNERSHIP_EVENT_KINDS)[number];

/** Events after which the customer sits in a pool: the "why it came back" of the pool page. */
export const RETURN_KINDS = ['released', 'lapsed', 'spilled', 'routed'] as const;

import { CONTACT_ROLES, type ContactRole } from '../vocabulary';

export interface ChainContact {
  id: string;
  role: ContactRole | null;
  /** 1–5, null when not yet judged. */
  decisionWeight: number | null;
}

export type DecisionChainWarning = 'no_contacts' | 'no_decision_maker';

export interface DecisionChainGroup<T extends ChainContact> {
  role: ContactRole;
  /** Sum of the known weights in this role. */
  totalWeight: number;
  contacts: T[];
}

/**
 * What the customer page warns about (决策链): with nobody known there is no chain at
 * all, and without a decision maker (拍板人) every other contact only influences.
 */
export function decisionChainWarnings(contacts: readonly ChainContact[]): DecisionChainWarning[] {
  const warnings: DecisionChainWarning[] = [];
  if (contacts.length === 0) warnings.push('no_contacts');
  if (!contacts.some((contact) => contact.role === 'decision_maker')) {
    warnings.push('no_decision_maker');
  }
  return warnings;
}

const byWeight = (a: ChainContact, b: ChainContact) =>
  (b.decisionWeight ?? 0) - (a.decisionWeight ?? 0);

/** Contacts per role in the chain's order (every role, maybe empty), heaviest first; role-less apart. */
export function groupDecisionChain<T extends ChainContact>(
  contacts: readonly T[],
): { groups: DecisionChainGroup<T>[]; unassigned: T[] } {
  const groups = CONTACT_ROLES.map((role) => {
    const members = contacts.filter((contact) => contact.role === role).sort(byWeight);
    return {
      role,
      totalWeight: members.reduce((sum, contact) => sum + (contact.decisionWeight ?? 0), 0),
      contacts: members,
    };
  });
  const unassigned = contacts.filter((contact) => contact.role === null).sort(byWeight);
  return { groups, unassigned };
}

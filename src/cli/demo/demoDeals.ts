// One demo deal's path through the funnel: stage by stage, fewer at each step (seed 001: about
// 15% of contacted customers buy), with the stage history that path leaves.
import type { DemoTeam, DemoUser } from './demoTeam';
import type { Random } from './random';
import { PRODUCTS } from './vocabulary';

const DAY = 24 * 60 * 60 * 1000;
/** Chance to pass each gate; 0.74^6 ≈ 16% of deals reach won. */
const PASS = 0.74;

export interface PlannedDeal {
  id: string;
  amountCents: number;
  row: Record<string, unknown>;
  history: Record<string, unknown>[];
  /** Time spent in each stage, the current one up to now: when its work was logged. */
  periods: { from: Date; until: Date }[];
  wonAt: Date | null;
}

export function dealHistory(
  random: Random,
  team: DemoTeam,
  customerId: string,
  owner: DemoUser,
  createdAt: Date,
  now: Date,
): PlannedDeal {
  const open = team.stages.filter((stage) => stage.terminal === null);
  const id = random.uuidAt(createdAt);
  const amountCents = random.int(20, 500) * 1_000_00;
  const history: Record<string, unknown>[] = [];
  const periods: PlannedDeal['periods'] = [];
  const move = (
    from: string | null,
    to: string,
    at: Date,
    direction: string,
    lost?: { id: string; name: string },
  ) =>
    history.push({
      orgId: team.orgId,
      id: random.uuidAt(at),
      customerId,
      dealId: id,
      funnelId: team.funnelId,
      fromStageKey: from,
      toStageKey: to,
      direction,
      at,
      byUserId: owner.id,
      lostReasonId: lost?.id ?? null,
      lostReason: lost?.name ?? null,
    });

  let index = 0;
  let enteredAt = createdAt;
  let status: 'open' | 'won' | 'lost' = 'open';
  let closedAt: Date | null = null;
  let lostReasonId: string | null = null;
  move(null, open[0]?.key ?? 'target', createdAt, 'initial');
  for (;;) {
    const next = new Date(enteredAt.getTime() + random.int(6, 28) * DAY);
    const stage = open[index];
    if (!stage) break;
    if (next >= now) break; // still working this stage
    periods.push({ from: enteredAt, until: next });
    if (!random.chance(PASS)) {
      // Dropped: lost if it has sat long enough, otherwise still open and going stale.
      if (random.chance(0.7)) {
        const reason = random.pick(team.lostReasons);
        move(stage.key, 'lost', next, 'terminal', reason);
        status = 'lost';
        closedAt = next;
        lostReasonId = reason.id;
      }
      break;
    }
    if (index === open.length - 1) {
      move(stage.key, 'won', next, 'terminal');
      status = 'won';
      closedAt = next;
      break;
    }
    move(stage.key, open[index + 1]?.key ?? stage.key, next, 'forward');
    index += 1;
    enteredAt = next;
  }
  const current = open[index];
  if (status === 'open') periods.push({ from: enteredAt, until: now });
  const stageKey = status === 'open' ? (current?.key ?? 'target') : status;
  const stageDef = team.stages.find((stage) => stage.key === stageKey);
  const stageEnteredAt = closedAt ?? enteredAt;
  const staleAfter = stageDef?.staleAfterDays ?? null;
  // The further along, the sooner it is expected to close: 商务谈判 within weeks, 目标客户 months out.
  const stagesLeft = Math.max(1, open.length - index);
  const expected = new Date(now.getTime() + random.int(2, 20) * stagesLeft * DAY);
  return {
    id,
    amountCents,
    history,
    periods,
    wonAt: status === 'won' ? closedAt : null,
    row: {
      orgId: team.orgId,
      id,
      customerId,
      funnelId: team.funnelId,
      name: `${random.pick(PRODUCTS)}项目`,
      amountCents,
      budgetCents: random.chance(0.5) ? amountCents + random.int(0, 100) * 1_000_00 : null,
      expectedCloseDate: (closedAt ?? expected).toISOString().slice(0, 10),
      products: [random.pick(PRODUCTS)],
      stageKey,
      // Demo deals only move forward: the stage reached is where they stopped.
      furthestStageKey: current?.key ?? null,
      stageEnteredAt,
      staleAt:
        status === 'open' && staleAfter !== null
          ? new Date(stageEnteredAt.getTime() + staleAfter * DAY)
          : null,
      probability: stageDef?.probability ?? 0,
      status,
      closedAt,
      lostReasonId,
      ownerId: owner.id,
      createdBy: owner.id,
      createdAt,
      updatedAt: stageEnteredAt,
    },
  };
}

import type { CoachingInsightsResponse, CoachingSignalsQuery, CoachingSignalsResponse } from '../../../shared/contracts/coaching-signals.js';
import { SIGNAL_DEFAULT_DAYS, SIGNAL_PERIOD_MAX_DAYS } from '../../../shared/contracts/coaching-signals.js';
import type { Db } from '../../db/client.js';
import type { WorkspaceActor } from '../../lib/actor.js';
import { invalid, notFound } from '../../lib/app-error.js';
import { authorize } from '../../lib/authorize.js';
import { recordRead } from '../audit/audit.service.js';
import { canSeePerson } from '../coaching/coaching.access.js';
import { competencyNamer, presentSignal } from './coaching-signals.presenter.js';
import { INSIGHT_WINDOW_DAYS, deriveInsights } from './insights.rules.js';
import { computeSignals, measureSignals } from './signals.compute.js';
import { findPersonName, productLeadCompetencyNames } from './signals.repository.js';
import { addDays, daysBetween, isoDay, lastDays, previousPeriod } from './signals.rules.js';

type Ctx = { db: Db; actor: WorkspaceActor };

/**
 * The person whose coaching the caller asks for (the caller when none is named). Someone the caller
 * may not see answers 404, exactly like someone who is not a member: existence does not leak.
 */
async function visiblePerson(db: Db, actor: WorkspaceActor, personId: string | undefined): Promise<{ id: string; name: string }> {
  const id = personId ?? actor.memberId;
  if (!canSeePerson(actor, id)) throw notFound('Person');
  const name = await findPersonName(db, actor.workspaceId, id);
  if (name === null) throw notFound('Person');
  return { id, name };
}

/** A person's coaching signals over a period (the last 90 days by default), with the previous period's counts. */
export async function getCoachingSignals({ db, actor, query, today = isoDay(new Date()) }: Ctx & { query: CoachingSignalsQuery; today?: string }): Promise<CoachingSignalsResponse> {
  authorize(actor, 'coaching.read');
  const person = await visiblePerson(db, actor, query.personId);
  const to = query.to ?? today;
  const from = query.from ?? addDays(to, -(SIGNAL_DEFAULT_DAYS - 1));
  if (from > to) throw invalid('from', `must be on or before to (${to})`);
  if (daysBetween(from, to) + 1 > SIGNAL_PERIOD_MAX_DAYS) throw invalid('from', `the period may span at most ${SIGNAL_PERIOD_MAX_DAYS} days`);
  const previous = previousPeriod({ from, to });
  const current = await computeSignals(db, actor.workspaceId, person.id, from, to);
  const before = await computeSignals(db, actor.workspaceId, person.id, previous.from, previous.to);
  const nameOf = competencyNamer(await productLeadCompetencyNames(db, actor.workspaceId));
  await recordRead(db, actor, {
    workspaceId: actor.workspaceId,
    action: 'coaching.signals.read',
    entityType: 'person',
    entityId: person.id,
    summary: `Viewed the coaching signals of ${person.name} for ${from} to ${to}`,
  });
  return {
    personId: person.id,
    from,
    to,
    previous,
    signals: current.map((value) =>
      presentSignal(
        value,
        before.find((b) => b.key === value.key),
        nameOf,
      ),
    ),
  };
}

/** The coaching insights of a person, drawn from their signals over the last 90 days. */
export async function getCoachingInsights({ db, actor, personId, today = isoDay(new Date()) }: Ctx & { personId?: string; today?: string }): Promise<CoachingInsightsResponse> {
  authorize(actor, 'coaching.read');
  const person = await visiblePerson(db, actor, personId);
  const signals = await measureSignals(db, actor.workspaceId, person.id, lastDays(today, INSIGHT_WINDOW_DAYS));
  const nameOf = competencyNamer(await productLeadCompetencyNames(db, actor.workspaceId));
  await recordRead(db, actor, {
    workspaceId: actor.workspaceId,
    action: 'coaching.insights.read',
    entityType: 'person',
    entityId: person.id,
    summary: `Viewed the coaching insights of ${person.name}`,
  });
  return { personId: person.id, asOf: today, items: deriveInsights({ today, signals, competencyName: nameOf }) };
}

import { describe, expect, it } from 'vitest';
import { canCoach, canSeeAssessmentSide, canSeeNote, canSeePerson, canSeePlan, coachingRelation } from './coaching.access.js';

const pm = { memberId: 'pm', role: 'pm' as const };
const otherPm = { memberId: 'pm2', role: 'pm' as const };
const lead = { memberId: 'lead', role: 'lead' as const };
const admin = { memberId: 'admin', role: 'admin' as const };
const session = { coachId: 'lead', coacheeId: 'pm' };

describe('coaching access', () => {
  it('lets the person, leads and admins see a profile, and nobody else', () => {
    expect(coachingRelation(pm, 'pm')).toBe('self');
    expect(coachingRelation(lead, 'pm')).toBe('coach');
    expect(coachingRelation(admin, 'pm')).toBe('admin');
    expect(canSeePerson(otherPm, 'pm')).toBe(false);
    expect(canSeePerson({ memberId: 'c', role: 'contributor' }, 'pm')).toBe(false);
  });

  it('keeps a private note to its author, even from the other participant and an admin', () => {
    const note = { kind: 'private', authorId: 'lead' };
    expect(canSeeNote(lead, session, note)).toBe(true);
    expect(canSeeNote(pm, session, note)).toBe(false);
    expect(canSeeNote(admin, session, note)).toBe(false);
    expect(canSeeNote(pm, session, { kind: 'private', authorId: 'pm' })).toBe(true);
    expect(canSeeNote(lead, session, { kind: 'private', authorId: 'pm' })).toBe(false);
  });

  it('shows shared notes to the participants only', () => {
    const note = { kind: 'shared', authorId: 'lead' };
    expect(canSeeNote(pm, session, note)).toBe(true);
    expect(canSeeNote(admin, session, note)).toBe(false);
    expect(canSeeNote({ memberId: 'lead2' }, session, note)).toBe(false);
  });

  it('keeps a draft side of an assessment to its author until it is submitted', () => {
    const a = { personId: 'pm', coachId: 'lead', selfStatus: 'draft', coachStatus: 'draft' };
    expect(canSeeAssessmentSide(pm, a, 'self')).toBe(true);
    expect(canSeeAssessmentSide(lead, a, 'self')).toBe(false);
    expect(canSeeAssessmentSide(pm, a, 'coach')).toBe(false);
    expect(canSeeAssessmentSide(admin, a, 'coach')).toBe(false);
    const submitted = { ...a, selfStatus: 'submitted', coachStatus: 'submitted' };
    expect(canSeeAssessmentSide(lead, submitted, 'self')).toBe(true);
    expect(canSeeAssessmentSide(pm, submitted, 'coach')).toBe(true);
    expect(canSeeAssessmentSide(otherPm, submitted, 'coach')).toBe(false);
  });

  it('keeps a private plan to its person and coach', () => {
    const plan = { personId: 'pm', coachId: 'lead', private: true };
    expect(canSeePlan(pm, plan)).toBe(true);
    expect(canSeePlan(lead, plan)).toBe(true);
    expect(canSeePlan(admin, plan)).toBe(false);
    expect(canSeePlan({ memberId: 'lead2', role: 'lead' }, plan)).toBe(false);
    expect(canSeePlan(admin, { ...plan, private: false })).toBe(true);
  });

  it('never lets anyone coach themselves', () => {
    expect(canCoach(lead, 'lead')).toBe(false);
    expect(canCoach(lead, 'pm')).toBe(true);
    expect(canCoach(pm, 'pm2')).toBe(false);
  });
});
